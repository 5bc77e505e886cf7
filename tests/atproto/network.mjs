// Starts a real local Bluesky network for tests: @atproto/dev-env's TestNetwork (PLC, PDS,
// AppView, Ozone) plus the test chat service, with did:web:api.bsky.chat resolving to it.
//
// Run by tests/bluesky_network.py as
//   node --dns-result-order=ipv4first --import ./loopback.mjs network.mjs
// Needs DB_POSTGRES_URL (a throwaway database); TMPDIR should be a folder the caller removes
// afterwards (the PDS keeps its data there). When ready it prints ONE line of JSON to stdout:
//   {"pds": ..., "appview": ..., "plc": ..., "ozone": ..., "chat": ..., "chat_did": ...}
// It closes everything and exits on SIGTERM, SIGINT or when stdin closes.
// Library chatter goes to stderr; only the services' own pino logs (off unless
// LOG_ENABLED=true) also write JSON lines to stdout, which the reader skips.
import { TestNetwork } from '@atproto/dev-env'
import { CHAT_DID, chatDidDocument, createChatService } from './chat-service.mjs'

// Libraries print progress with console.log; stdout is reserved for the ready line.
const stdout = process.stdout
console.log = console.error
console.info = console.error

const loopback = (url) => {
  const parsed = new URL(url)
  parsed.hostname = '127.0.0.1'
  return parsed.origin
}

/** Every DID resolver of the network answers did:web:api.bsky.chat with `doc`. */
const resolveChatDid = (network, doc) => {
  const resolvers = [
    network.pds.ctx.idResolver,
    network.bsky.ctx.idResolver,
    network.bsky.dataplane.idResolver,
  ]
  for (const idResolver of resolvers) {
    const did = idResolver.did
    const resolveNoCheck = did.resolveNoCheck.bind(did)
    // resolve() -> (cache) -> resolveNoCache() -> resolveNoCheck(): replaced at the bottom,
    // so the caches and dev-env's own resolveNoCache wrapper keep working.
    did.resolveNoCheck = async (id) => (id === CHAT_DID ? structuredClone(doc) : resolveNoCheck(id))
  }
}

const schema = process.env.DB_POSTGRES_SCHEMA || 'pantau'
if (!/^[a-z_]+$/i.test(schema)) {
  throw new Error(`DB_POSTGRES_SCHEMA must be letters and underscores only: ${schema}`)
}
if (!process.env.DB_POSTGRES_URL) throw new Error('DB_POSTGRES_URL is not set')
// Required by dev-env, but nothing connects to it (no Redis needed).
process.env.REDIS_HOST ??= '127.0.0.1:1'

let network
let chatServer
let closing
const close = (why) => {
  closing ??= (async () => {
    console.error(`[network] closing (${why})`)
    const guard = setTimeout(() => {
      console.error('[network] close took too long; exiting')
      process.exit(1)
    }, 15_000)
    guard.unref()
    if (chatServer) {
      chatServer.closeAllConnections()
      await new Promise((resolve) => chatServer.close(resolve))
    }
    await network?.close()
    process.exit(0)
  })().catch((err) => {
    console.error('[network] close failed', err)
    process.exit(1)
  })
  return closing
}
process.on('SIGTERM', () => close('SIGTERM'))
process.on('SIGINT', () => close('SIGINT'))
process.stdin.on('end', () => close('stdin closed'))
process.stdin.on('error', () => close('stdin error'))
process.stdin.resume()

network = await TestNetwork.create({ dbPostgresSchema: schema })
const chat = createChatService({ pdsUrl: loopback(network.pds.url), plcUrl: network.plc.url })
chatServer = await chat.listen(0)
const chatUrl = `http://127.0.0.1:${chatServer.address().port}`
resolveChatDid(network, chatDidDocument(chatUrl))
if (closing) await closing

console.error(`[network] ready ${Math.round(process.uptime() * 1000)} ms after node started`)
stdout.write(
  JSON.stringify({
    pds: loopback(network.pds.url),
    appview: loopback(network.bsky.url),
    plc: loopback(network.plc.url),
    ozone: loopback(network.ozone.url),
    chat: chatUrl,
    chat_did: CHAT_DID,
  }) + '\n',
)
