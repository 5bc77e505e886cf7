// Preloaded with `node --import ./loopback.mjs`: every TCP server listens on 127.0.0.1 only.
// dev-env's servers name no host (so they would listen on all interfaces); a wildcard host
// ('0.0.0.0', '::') is narrowed to loopback as well. Unix sockets and handles are untouched.
import net from 'node:net'

const LOOPBACK = '127.0.0.1'
const WILDCARDS = new Set([undefined, null, '', '0.0.0.0', '::'])
const listen = net.Server.prototype.listen

const isPort = (value) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))

net.Server.prototype.listen = function (...args) {
  const [first, second] = args
  if (args.length === 0 || typeof first === 'function') {
    // listen() or listen(callback): a random port
    return listen.call(this, 0, LOOPBACK, ...args)
  }
  if (isPort(first)) {
    if (typeof second === 'string') {
      // listen(port, host[, backlog][, callback])
      const host = WILDCARDS.has(second) ? LOOPBACK : second
      return listen.call(this, first, host, ...args.slice(2))
    }
    // listen(port[, backlog][, callback])
    return listen.call(this, first, LOOPBACK, ...args.slice(1))
  }
  if (
    first !== null &&
    typeof first === 'object' &&
    first.path === undefined &&
    first.fd === undefined &&
    first.handle === undefined &&
    first._handle === undefined &&
    WILDCARDS.has(first.host)
  ) {
    // listen({ port, ... }[, callback])
    return listen.call(this, { ...first, host: LOOPBACK }, ...args.slice(1))
  }
  return listen.apply(this, args)
}
