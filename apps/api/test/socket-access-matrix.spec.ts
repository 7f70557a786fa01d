import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Namespace, Server } from 'socket.io';
import {
  COLLAB_CLIENT_EVENTS,
  COLLAB_NAMESPACE,
  CollabEvents,
  collabWireParser,
} from '@coalesce/protocol';
import type { CollabAck, CollabEventName, ErrorCode } from '@coalesce/protocol';
import { CollabGateway } from '../src/modules/collab/collab.gateway.js';
import { encodeAwareness } from '../src/modules/collab/awareness-codec.js';
import { DocumentContentIndexer } from '../src/modules/documents/document-content-indexer.js';
import { call, createDocument, newUpdateId, rawSocket } from './collab/collab-fixtures.js';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';

/**
 * Socket authorization matrix: every event name the protocol exports for /collab (derived from
 * `CollabEvents`, not a hand list) is sent by
 * - an outsider (an organization outside the coalition): refused with a typed error, exactly as
 *   for a document or coalition that does not exist, and nothing is stored or relayed;
 * - an observer organization's user, and
 * - a read-only member (a member organization with only `view` on the document):
 *   reads allowed, writes refused with FORBIDDEN and nothing stored;
 * plus an editor as the positive control (proving each case can succeed).
 * Server-to-client events sent by a client are ignored: no ack, nothing stored, nothing relayed.
 * An event without a case, or a handler the protocol does not name, fails the test.
 */
type Role = 'outsider' | 'observer' | 'readOnlyMember';
type Control = 'editor';
/** ok: the ack is `{ok: true}`; a code: refused with it; ignored: no ack at all (no handler). */
type Expectation = 'ok' | ErrorCode | 'ignored';

interface Ctx {
  docId: string;
  coalitionId: string;
  /** The same ids for things that do not exist, to compare an outsider's answer with. */
  ghostDocId: string;
  ghostCoalitionId: string;
  clientId: number;
}

interface EventCase {
  /** client: the server handles it; server: the server only sends it. */
  direction: 'client' | 'server';
  /** Puts the socket where the event applies (opens the document, joins presence); may fail. */
  prepare?: (socket: Socket, ctx: Ctx) => Promise<unknown>;
  payload: (ctx: Ctx, ghost: boolean) => unknown;
  /** Stores something when allowed (checked on the editor's run). */
  writes?: boolean;
  expect: Record<Role | Control, Expectation>;
}

const READ: Record<Role | Control, Expectation> = {
  outsider: 'NOT_FOUND',
  observer: 'ok',
  readOnlyMember: 'ok',
  editor: 'ok',
};
/** Needs an open document: an outsider never gets one open. */
const READ_OPEN_DOC: Record<Role | Control, Expectation> = { ...READ, outsider: 'DOC_NOT_OPEN' };
const WRITE_OPEN_DOC: Record<Role | Control, Expectation> = {
  outsider: 'DOC_NOT_OPEN',
  observer: 'FORBIDDEN',
  readOnlyMember: 'FORBIDDEN',
  editor: 'ok',
};
const IGNORED: Record<Role | Control, Expectation> = {
  outsider: 'ignored',
  observer: 'ignored',
  readOnlyMember: 'ignored',
  editor: 'ignored',
};

const openDoc = (socket: Socket, ctx: Ctx) =>
  call(socket, CollabEvents.DocOpen, { docId: ctx.docId });
const joinPresence = (socket: Socket, ctx: Ctx) =>
  call(socket, CollabEvents.PresenceJoin, {
    coalitionId: ctx.coalitionId,
    location: { page: 'documents' },
  });
const docOf = (ctx: Ctx, ghost: boolean) => (ghost ? ctx.ghostDocId : ctx.docId);
const coalitionOf = (ctx: Ctx, ghost: boolean) => (ghost ? ctx.ghostCoalitionId : ctx.coalitionId);

function yjsUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc);
}

const EVENT_CASES: Record<CollabEventName, EventCase> = {
  [CollabEvents.DocOpen]: {
    direction: 'client',
    payload: (ctx, ghost) => ({ docId: docOf(ctx, ghost) }),
    expect: READ,
  },
  [CollabEvents.DocUpdate]: {
    direction: 'client',
    prepare: openDoc,
    payload: (ctx, ghost) => ({
      docId: docOf(ctx, ghost),
      update: yjsUpdate('written through the socket matrix'),
      updateId: newUpdateId(),
    }),
    writes: true,
    expect: WRITE_OPEN_DOC,
  },
  [CollabEvents.DocSync]: {
    direction: 'client',
    prepare: openDoc,
    payload: (ctx, ghost) => ({ docId: docOf(ctx, ghost), stateVector: new Uint8Array([0]) }),
    expect: READ_OPEN_DOC,
  },
  [CollabEvents.DocClose]: {
    direction: 'client',
    prepare: openDoc,
    payload: (ctx, ghost) => ({ docId: docOf(ctx, ghost) }),
    expect: READ_OPEN_DOC,
  },
  [CollabEvents.AwarenessUpdate]: {
    direction: 'client',
    prepare: openDoc,
    payload: (ctx, ghost) => ({
      docId: docOf(ctx, ghost),
      update: encodeAwareness([
        { clientId: ctx.clientId, clock: 1, state: JSON.stringify({ user: { name: 'Matrix' } }) },
      ]),
    }),
    expect: READ_OPEN_DOC,
  },
  [CollabEvents.PresenceJoin]: {
    direction: 'client',
    payload: (ctx, ghost) => ({
      coalitionId: coalitionOf(ctx, ghost),
      location: { page: 'documents' },
    }),
    expect: READ,
  },
  [CollabEvents.PresenceUpdate]: {
    direction: 'client',
    prepare: joinPresence,
    payload: (ctx, ghost) => ({
      coalitionId: coalitionOf(ctx, ghost),
      location: { page: 'tasks' },
    }),
    expect: READ,
  },
  [CollabEvents.PresenceLeave]: {
    direction: 'client',
    prepare: joinPresence,
    payload: (ctx, ghost) => ({ coalitionId: coalitionOf(ctx, ghost) }),
    expect: READ,
  },
  [CollabEvents.DocRevoked]: {
    direction: 'server',
    prepare: openDoc,
    payload: (ctx) => ({ docId: ctx.docId, reason: 'access-changed' }),
    expect: IGNORED,
  },
  [CollabEvents.PresenceState]: {
    direction: 'server',
    prepare: joinPresence,
    payload: (ctx) => ({ coalitionId: ctx.coalitionId, version: 999, members: [] }),
    expect: IGNORED,
  },
  [CollabEvents.ServerDisconnect]: {
    direction: 'server',
    payload: () => ({ reason: 'server-shutdown', message: 'Restarting.' }),
    expect: IGNORED,
  },
  [CollabEvents.EntityChanged]: {
    direction: 'server',
    payload: (ctx) => ({
      coalitionId: ctx.coalitionId,
      type: 'document',
      id: ctx.docId,
      action: 'deleted',
    }),
    expect: IGNORED,
  },
};

/** Namespaces and who may connect: the main one is closed to everyone. */
const NAMESPACE_CASES: Record<string, Record<Role | Control, 'connect' | 'refused'>> = {
  '/': { outsider: 'refused', observer: 'refused', readOnlyMember: 'refused', editor: 'refused' },
  [COLLAB_NAMESPACE]: {
    outsider: 'connect',
    observer: 'connect',
    readOnlyMember: 'connect',
    editor: 'connect',
  },
};

const ROLES: Role[] = ['outsider', 'observer', 'readOnlyMember'];
const RESERVED = new Set(['disconnect', 'disconnecting', 'error', 'newListener', 'removeListener']);
/** How long a server-only event gets to (wrongly) answer before it counts as ignored. */
const IGNORED_WAIT_MS = 300;

let t: TestApp;
let actors: Record<Role | Control, Actor>;
let ctx: Omit<Ctx, 'clientId'>;
let watcher: Socket;
const relayed: string[] = [];
const sockets: Socket[] = [];
let cases = 0;
let controlCases = 0;
let nextClientId = 1000;

beforeAll(async () => {
  // No background writer may change the database between a case's two fingerprints: the
  // compaction/checkpoint job is off, and the search indexer is flushed before each case.
  process.env.COLLAB_COMPACTION_INTERVAL_MS = '0'; // read by the collab module at start
  t = await startTestApp();
  delete process.env.COLLAB_COMPACTION_INTERVAL_MS;
  const editor = await signUpOrg(t, 'owner');
  const member = await signUpOrg(t, 'readonly');
  const observer = await signUpOrg(t, 'observer');
  const outsider = await signUpOrg(t, 'outsider');
  const coalition = await createCoalition(editor);
  await joinCoalition(editor, member, coalition.id, 'member');
  await joinCoalition(editor, observer, coalition.id, 'observer');
  // Everyone else in the coalition may only view it.
  const doc = await createDocument(editor, coalition.id, { coalitionPermission: 'view' });
  actors = { editor, readOnlyMember: member, observer, outsider };
  ctx = {
    docId: doc.id,
    coalitionId: coalition.id,
    ghostDocId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    ghostCoalitionId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  };
  // The editor watches the document and the coalition: nothing refused may reach it.
  watcher = await connect(editor);
  expect(await openDoc(watcher, { ...ctx, clientId: 1 })).toMatchObject({ ok: true });
  expect(await joinPresence(watcher, { ...ctx, clientId: 1 })).toMatchObject({ ok: true });
  watcher.onAny((event: string) => relayed.push(event));
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
  console.log(
    `socket access matrix: ${cases} event × role cases (${Object.keys(EVENT_CASES).length} events + ` +
      `${Object.keys(NAMESPACE_CASES).length} namespaces × ${ROLES.length} roles), ` +
      `plus ${controlCases} editor control cases`,
  );
});

async function connect(actor: Actor): Promise<Socket> {
  const socket = await rawSocket(t, actor.client.token);
  sockets.push(socket);
  return socket;
}

/** Emits with an ack; 'ignored' when none comes (server-only events get a short wait). */
async function emit(socket: Socket, event: string, payload: unknown, serverOnly: boolean) {
  try {
    return await call(socket, event, payload, serverOnly ? IGNORED_WAIT_MS : 5000);
  } catch {
    return 'ignored' as const;
  }
}

function outcomeOf(ack: CollabAck | 'ignored'): Expectation {
  if (ack === 'ignored') return 'ignored';
  return ack.ok ? 'ok' : ack.error.code;
}

/**
 * Runs one event as one actor on a fresh socket: the outcome, whether the database changed, and
 * what the watching editor received meanwhile.
 */
async function run(event: CollabEventName, actor: Actor, ghost = false) {
  const spec = EVENT_CASES[event];
  const socket = await connect(actor);
  const local: Ctx = { ...ctx, clientId: nextClientId++ };
  await spec.prepare?.(socket, local).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await t.app.get(DocumentContentIndexer).flush();
  relayed.length = 0;
  const before = await settledFingerprint(t);
  const ack = await emit(socket, event, spec.payload(local, ghost), spec.direction === 'server');
  const changed = JSON.stringify(await settledFingerprint(t)) !== JSON.stringify(before);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const received = [...relayed];
  socket.disconnect();
  return { ack, outcome: outcomeOf(ack), changed, received };
}

describe('socket access matrix', () => {
  it('has a case for every /collab event the protocol names, and for every event the server handles', async () => {
    const protocolEvents = [...new Set(Object.values(CollabEvents))].sort();
    expect(Object.keys(EVENT_CASES).sort()).toEqual(protocolEvents);
    const clientCases = Object.entries(EVENT_CASES)
      .filter(([, spec]) => spec.direction === 'client')
      .map(([event]) => event)
      .sort();
    expect([...COLLAB_CLIENT_EVENTS].sort()).toEqual(clientCases);

    // What the server really listens to on a connected socket.
    const socket = await connect(actors.observer);
    const gateway = t.app.get(CollabGateway);
    const namespace = (gateway as unknown as { namespace: Namespace }).namespace;
    const serverSide = namespace.sockets.get(socket.id!);
    expect(serverSide).toBeDefined();
    const handled = serverSide!
      .eventNames()
      .map(String)
      .filter((name) => !RESERVED.has(name))
      .sort();
    expect(handled).toEqual(clientCases);

    // And every namespace the server has.
    const server = namespace.server as Server & { _nsps: Map<string, Namespace> };
    expect([...server._nsps.keys()].sort()).toEqual(Object.keys(NAMESPACE_CASES).sort());
  });

  it('connects to each namespace only as its table says', async () => {
    for (const [name, table] of Object.entries(NAMESPACE_CASES)) {
      for (const [role, expected] of Object.entries(table) as Array<[Role | Control, string]>) {
        const socket = io(`${t.baseUrl}${name}`, {
          auth: { token: actors[role].client.token },
          transports: ['websocket'],
          parser: collabWireParser,
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        const outcome = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connect'));
          socket.once('connect_error', () => resolve('refused'));
        });
        socket.disconnect();
        expect({ name, role, outcome }).toEqual({ name, role, outcome: expected });
        if (role === 'editor') controlCases += 1;
        else cases += 1;
      }
    }
  });

  for (const role of ROLES) {
    it(`answers every event as the table says for the ${role}, storing and relaying nothing it refuses`, async () => {
      for (const event of Object.keys(EVENT_CASES) as CollabEventName[]) {
        const spec = EVENT_CASES[event];
        const expected = spec.expect[role];
        const { ack, outcome, changed, received } = await run(event, actors[role]);
        expect({ role, event, outcome }).toEqual({ role, event, outcome: expected });
        // Reads and refusals store nothing; only an allowed write may (none is allowed here).
        expect({ role, event, changed }).toEqual({ role, event, changed: false });
        // Nothing refused or ignored reaches the others in the document or coalition.
        if (expected !== 'ok')
          expect({ role, event, received }).toEqual({ role, event, received: [] });
        if (role === 'outsider') {
          // The answer does not reveal that the document or coalition exists.
          const ghost = await run(event, actors.outsider, true);
          expect({ event, ghost: ghost.ack }).toEqual({ event, ghost: ack });
        }
        cases += 1;
      }
    });
  }

  it('lets the editor (the control) do every client event, and its writes are stored', async () => {
    for (const event of Object.keys(EVENT_CASES) as CollabEventName[]) {
      const spec = EVENT_CASES[event];
      const { outcome, changed } = await run(event, actors.editor);
      expect({ event, outcome }).toEqual({ event, outcome: spec.expect.editor });
      expect({ event, changed }).toEqual({ event, changed: Boolean(spec.writes) });
      controlCases += 1;
    }
  });
});
