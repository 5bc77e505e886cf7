// A small, stateful stand-in for Bluesky's chat service (did:web:api.bsky.chat), for tests.
//
// Built on @atproto/xrpc-server with the chat.bsky.* lexicons shipped in @atproto/api, so
// parameters, inputs AND outputs are checked against the lexicons by the library itself
// (validateResponse). Calls arrive through the PDS proxy with a service-auth JWT whose `iss`
// is the caller's DID and `aud` this service's DID; the signature is checked against the
// caller's signing key from the network's PLC.
//
// Direct (1-1) conversations only. Implemented: getConvoForMembers, getConvo, listConvos,
// getMessages, sendMessage, updateRead, acceptConvo, getLog. Every other chat.bsky method
// answers MethodNotImplemented.
import { schemas } from '@atproto/api'
import { TID } from '@atproto/common-web'
import { IdResolver } from '@atproto/identity'
import {
  AuthRequiredError,
  InvalidRequestError,
  createServer,
  verifyJwt,
} from '@atproto/xrpc-server'

export const CHAT_DID = 'did:web:api.bsky.chat'
export const CHAT_SERVICE_ID = 'bsky_chat'

const CONVO = 'chat.bsky.convo'
const PAGE_MAX = 100

const json = (body) => ({ encoding: 'application/json', body })

/** The DID document that points did:web:api.bsky.chat#bsky_chat at `url`. */
export const chatDidDocument = (url) => ({
  '@context': ['https://www.w3.org/ns/did/v1'],
  id: CHAT_DID,
  service: [
    { id: `#${CHAT_SERVICE_ID}`, type: 'BskyChatService', serviceEndpoint: url },
  ],
})

class ChatState {
  constructor() {
    this.convos = new Map() // id -> convo
    this.convoByMembers = new Map() // sorted member DIDs joined by ' ' -> id
    this.logs = new Map() // did -> [{ rev, event }]
  }

  nextRev() {
    return TID.nextStr()
  }

  log(did, event) {
    const events = this.logs.get(did) ?? []
    events.push(event)
    this.logs.set(did, events)
  }

  convoFor(did, convoId) {
    const convo = this.convos.get(convoId)
    if (!convo || !convo.members.includes(did)) {
      throw new InvalidRequestError('Convo not found', 'InvalidConvo')
    }
    return convo
  }

  getOrCreate(creator, members) {
    const key = [...members].sort().join(' ')
    const existing = this.convoByMembers.get(key)
    if (existing) return this.convos.get(existing)
    const rev = this.nextRev()
    const convo = {
      id: this.nextRev(),
      rev,
      activityRev: rev, // last creation or message: the order of listConvos
      creator,
      members,
      messages: [], // oldest first
      viewers: new Map(
        members.map((did) => [
          did,
          { unread: 0, muted: false, status: did === creator ? 'accepted' : 'request' },
        ]),
      ),
    }
    this.convos.set(convo.id, convo)
    this.convoByMembers.set(key, convo.id)
    for (const did of members) {
      this.log(did, { $type: `${CONVO}.defs#logBeginConvo`, rev, convoId: convo.id })
    }
    return convo
  }

  /** The creator sees a new convo at once; the others once it has a message. */
  visibleTo(convo, did) {
    return convo.creator === did || convo.messages.length > 0
  }

  send(convo, sender, message) {
    const rev = this.nextRev()
    const stored = {
      id: this.nextRev(),
      rev,
      text: message.text,
      facets: message.facets,
      sender,
      sentAt: new Date().toISOString(),
    }
    convo.messages.push(stored)
    convo.rev = rev
    convo.activityRev = rev
    for (const [did, viewer] of convo.viewers) {
      if (did === sender) {
        viewer.unread = 0
        viewer.status = 'accepted' // replying accepts a request
      } else {
        viewer.unread += 1
      }
      this.log(did, {
        $type: `${CONVO}.defs#logCreateMessage`,
        rev,
        convoId: convo.id,
        message: messageView(stored, true),
      })
    }
    return stored
  }

  markRead(convo, did, messageId) {
    const viewer = convo.viewers.get(did)
    let upTo = convo.messages.at(-1)
    if (messageId !== undefined) {
      upTo = convo.messages.find((m) => m.id === messageId)
      if (!upTo) throw new InvalidRequestError('Message not found in this convo')
    }
    viewer.unread = upTo
      ? convo.messages.filter((m) => m.rev > upTo.rev && m.sender !== did).length
      : 0
    const rev = this.nextRev()
    convo.rev = rev
    if (upTo) {
      this.log(did, {
        $type: `${CONVO}.defs#logReadConvo`,
        rev,
        convoId: convo.id,
        message: messageView(upTo, true),
      })
    }
  }

  accept(convo, did) {
    const viewer = convo.viewers.get(did)
    if (viewer.status === 'accepted') return undefined
    viewer.status = 'accepted'
    const rev = this.nextRev()
    convo.rev = rev
    this.log(did, { $type: `${CONVO}.defs#logAcceptConvo`, rev, convoId: convo.id })
    return rev
  }
}

const messageView = (message, inUnion) => ({
  ...(inUnion ? { $type: `${CONVO}.defs#messageView` } : {}),
  id: message.id,
  rev: message.rev,
  text: message.text,
  ...(message.facets ? { facets: message.facets } : {}),
  sender: { did: message.sender },
  sentAt: message.sentAt,
})

/** Newest first, `limit` at a time, after the rev `cursor`; a cursor only if more remain. */
const page = (items, revOf, limit, cursor) => {
  const sorted = items
    .filter((item) => cursor === undefined || revOf(item) < cursor)
    .sort((a, b) => (revOf(a) < revOf(b) ? 1 : -1))
  const slice = sorted.slice(0, limit)
  const more = sorted.length > slice.length
  return { slice, cursor: more ? revOf(slice.at(-1)) : undefined }
}

/** Profiles (chat.bsky.actor.defs#profileViewBasic) straight from the PDS's repos. */
class Profiles {
  constructor(pdsUrl) {
    this.pdsUrl = pdsUrl
  }

  async xrpc(nsid, params) {
    const url = new URL(`/xrpc/${nsid}`, this.pdsUrl)
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
    const res = await fetch(url)
    return res.ok ? res.json() : undefined
  }

  async get(did) {
    const repo = await this.xrpc('com.atproto.repo.describeRepo', { repo: did })
    if (!repo) return undefined
    const record = await this.xrpc('com.atproto.repo.getRecord', {
      repo: did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
    })
    const displayName = record?.value?.displayName
    return { did, handle: repo.handle, ...(displayName ? { displayName } : {}) }
  }

  async require(did) {
    const profile = await this.get(did)
    if (!profile) throw new InvalidRequestError(`No account ${did}`, 'RecipientNotFound')
    return profile
  }
}

export function createChatService({ pdsUrl, plcUrl }) {
  const state = new ChatState()
  const profiles = new Profiles(pdsUrl)
  // globalThis.fetch: the identity package's default fetch refuses plain http (the local PLC).
  const idResolver = new IdResolver({ plcUrl, fetch: globalThis.fetch })
  const server = createServer(schemas, { validateResponse: true })

  const auth = async ({ req }) => {
    const header = req.headers.authorization ?? ''
    if (!header.startsWith('Bearer ')) {
      throw new AuthRequiredError('Service auth (a Bearer JWT from the PDS) required')
    }
    const lxm = req.path.replace(/^\/xrpc\//, '')
    const payload = await verifyJwt(
      header.slice('Bearer '.length).trim(),
      CHAT_DID,
      lxm,
      (iss, forceRefresh) => idResolver.did.resolveAtprotoKey(iss.split('#')[0], forceRefresh),
    )
    return { credentials: { did: payload.iss.split('#')[0] } }
  }

  const convoView = async (convo, viewerDid) => {
    const viewer = convo.viewers.get(viewerDid)
    const last = convo.messages.at(-1)
    return {
      id: convo.id,
      rev: convo.rev,
      members: await Promise.all(convo.members.map((did) => profiles.require(did))),
      ...(last ? { lastMessage: messageView(last, true) } : {}),
      muted: viewer.muted,
      status: viewer.status,
      unreadCount: viewer.unread,
      kind: { $type: `${CONVO}.defs#directConvo` },
    }
  }

  const method = (name, handler) =>
    server.method(`${CONVO}.${name}`, {
      auth,
      handler: async (ctx) => json(await handler({ ...ctx, did: ctx.auth.credentials.did })),
    })

  method('getConvoForMembers', async ({ did, params }) => {
    const members = [...new Set([did, ...params.members])]
    if (members.length !== 2) {
      throw new InvalidRequestError('A direct convo has the caller and exactly one other member')
    }
    for (const member of members) await profiles.require(member)
    return { convo: await convoView(state.getOrCreate(did, members), did) }
  })

  method('getConvo', async ({ did, params }) => ({
    convo: await convoView(state.convoFor(did, params.convoId), did),
  }))

  method('listConvos', async ({ did, params }) => {
    const mine = [...state.convos.values()].filter(
      (convo) =>
        convo.members.includes(did) &&
        state.visibleTo(convo, did) &&
        (params.readState !== 'unread' || convo.viewers.get(did).unread > 0) &&
        (params.status === undefined || convo.viewers.get(did).status === params.status) &&
        (params.kind === undefined || params.kind === 'direct') &&
        (params.lockStatus === undefined || params.lockStatus === 'unlocked'),
    )
    const limit = Math.min(params.limit ?? 50, PAGE_MAX)
    const { slice, cursor } = page(mine, (c) => c.activityRev, limit, params.cursor)
    return {
      convos: await Promise.all(slice.map((convo) => convoView(convo, did))),
      ...(cursor ? { cursor } : {}),
    }
  })

  method('getMessages', async ({ did, params }) => {
    const convo = state.convoFor(did, params.convoId)
    const limit = Math.min(params.limit ?? 50, PAGE_MAX)
    const { slice, cursor } = page(convo.messages, (m) => m.rev, limit, params.cursor)
    return {
      messages: slice.map((message) => messageView(message, true)),
      ...(cursor ? { cursor } : {}),
    }
  })

  method('sendMessage', async ({ did, input }) => {
    const { convoId, message } = input.body
    const convo = state.convoFor(did, convoId)
    if (message.embed !== undefined) {
      throw new InvalidRequestError('The test chat service does not support embeds')
    }
    if (message.text.trim() === '') {
      throw new InvalidRequestError('Message cannot be empty')
    }
    return messageView(state.send(convo, did, message), false)
  })

  method('updateRead', async ({ did, input }) => {
    const convo = state.convoFor(did, input.body.convoId)
    state.markRead(convo, did, input.body.messageId)
    return { convo: await convoView(convo, did) }
  })

  method('acceptConvo', async ({ did, input }) => {
    const rev = state.accept(state.convoFor(did, input.body.convoId), did)
    return rev ? { rev } : {}
  })

  method('getLog', async ({ did, params }) => {
    const events = (state.logs.get(did) ?? []).filter(
      (event) => params.cursor === undefined || event.rev > params.cursor,
    )
    const logs = events.slice(0, PAGE_MAX)
    const cursor = logs.at(-1)?.rev ?? params.cursor
    return { logs, ...(cursor ? { cursor } : {}) }
  })

  return {
    state,
    router: server.router,
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        const http = server.router.listen(port)
        http.once('listening', () => resolve(http))
        http.once('error', reject)
      })
    },
  }
}
