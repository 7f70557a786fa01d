import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { io } from 'socket.io-client';
import { CollabEvents, MAX_JSON_BODY_BYTES, collabWireParser } from '@coalesce/protocol';
import { encodeAwareness } from '../src/modules/collab/awareness-codec.js';
import { createNode } from '@coalesce/case-map';
import { call, createDocument, newUpdateId, rawSocket } from './collab/collab-fixtures.js';
import { MapSession, createMap } from './case-maps/case-map-fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { createCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';

/**
 * Logs never carry sensitive values. The real app runs at the most verbose level with its logs
 * captured; each action below puts unique marker strings into requests, bodies, tokens and
 * collaboration updates (successful and failing paths); afterwards no marker may appear in any log
 * line. To cover a new feature, add an action to MARKER_ACTIONS (markers come from `marker()`;
 * return any other secret the action produced, e.g. a token).
 */
interface MarkerContext {
  t: TestApp;
  user: Actor;
  coalitionId: string;
  /** A fresh unique marker; `label` only helps reading a failure. */
  marker(label: string): string;
}
interface MarkerAction {
  name: string;
  /** Sends the markers somewhere the server sees them; returns extra secrets to look for too. */
  run(ctx: MarkerContext): Promise<string[] | void>;
}

const json = (t: TestApp, path: string, init: RequestInit & { token?: string | null } = {}) =>
  fetch(`${t.baseUrl}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      'x-coalesce-csrf': '1',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

function yjsText(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('default').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc);
}

export const MARKER_ACTIONS: MarkerAction[] = [
  {
    name: 'a failed sign-in with a marker password',
    async run({ t, user, marker }) {
      const res = await json(t, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: user.email, password: marker('password') }),
      });
      expect(res.status).toBe(401);
    },
  },
  {
    name: 'a successful sign-in: its access token and refresh cookie',
    async run({ t, user }) {
      const client = t.client();
      const res = await client.login(user.email, 'correct-horse-battery-staple');
      expect(res.status).toBe(200);
      await client.get('/me');
      expect((await client.refresh()).status).toBe(200);
      await client.get('/auth/sessions');
      return [client.token!, client.refreshCookie!];
    },
  },
  {
    name: 'a second-factor step and a re-authentication with marker tokens and codes',
    async run({ t, user, marker }) {
      const recoveryCode = marker('rc').slice(0, 40);
      const verify = await json(t, '/api/v1/auth/mfa/verify', {
        method: 'POST',
        body: JSON.stringify({ challengeToken: marker('challenge'), code: recoveryCode }),
      });
      expect(verify.status).toBe(401);
      const reauthCode = marker('reauth-code').slice(0, 40);
      const reauth = await json(t, '/api/v1/auth/reauth', {
        method: 'POST',
        token: user.client.token,
        body: JSON.stringify({ password: marker('reauth-password'), code: reauthCode }),
      });
      expect(reauth.status).toBeGreaterThanOrEqual(400);
      return [recoveryCode, reauthCode];
    },
  },
  {
    name: 'a failing validation body, a malformed JSON body and an oversized body',
    async run({ t, user, marker }) {
      const token = user.client.token;
      const invalid = await json(t, '/api/v1/coalitions', {
        method: 'POST',
        token,
        body: JSON.stringify({ name: marker('name'), slug: `Not A Slug ${marker('slug')}` }),
      });
      expect(invalid.status).toBe(400);
      const malformed = await json(t, '/api/v1/coalitions', {
        method: 'POST',
        token,
        body: `{"name": "${marker('malformed')}"`,
      });
      expect(malformed.status).toBe(400);
      const huge = await json(t, '/api/v1/coalitions', {
        method: 'POST',
        token,
        body: JSON.stringify({ name: `${marker('huge')}${'x'.repeat(MAX_JSON_BODY_BYTES)}` }),
      });
      expect(huge.status).toBe(413);
    },
  },
  {
    name: 'a bad password change with marker passwords',
    async run({ t, user, marker }) {
      const res = await json(t, '/api/v1/auth/password', {
        method: 'POST',
        token: user.client.token,
        body: JSON.stringify({ currentPassword: marker('current'), newPassword: marker('new') }),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
    },
  },
  {
    name: 'tokens in query strings (an invitation preview) and search text',
    async run({ t, user, coalitionId, marker }) {
      const preview = await json(t, `/api/v1/invites/organization?token=${marker('invite')}`);
      expect(preview.status).toBe(404);
      const search = await json(t, `/api/v1/coalitions/${coalitionId}/documents?q=${marker('q')}`, {
        token: user.client.token,
      });
      expect(search.status).toBe(200);
      const similar = await json(
        t,
        `/api/v1/coalitions/${coalitionId}/tasks/similar?title=${marker('similar')}`,
        { token: user.client.token },
      );
      expect(similar.status).toBe(200);
    },
  },
  {
    name: "a private document's title and note text (Yjs update), and a malformed update",
    async run({ t, user, coalitionId, marker }) {
      const doc = await createDocument(user, coalitionId, {
        title: `Private note ${marker('title')}`,
        isPrivate: true,
        coalitionPermission: null,
      });
      const socket = await rawSocket(t, user.client.token);
      try {
        expect(await call(socket, CollabEvents.DocOpen, { docId: doc.id })).toMatchObject({
          ok: true,
        });
        const stored = await call(socket, CollabEvents.DocUpdate, {
          docId: doc.id,
          update: yjsText(`Survivor statement ${marker('note')}`),
          updateId: newUpdateId(),
        });
        expect(stored).toMatchObject({ ok: true });
        const malformed = await call(socket, CollabEvents.DocUpdate, {
          docId: doc.id,
          update: new TextEncoder().encode(`not yjs ${marker('bad-update')}`),
          updateId: newUpdateId(),
        });
        expect(malformed).toMatchObject({ ok: false });
        const badPayload = await call(socket, CollabEvents.DocUpdate, {
          docId: doc.id,
          update: yjsText('x'),
          updateId: marker('update-id'),
          extra: marker('extra'),
        });
        expect(badPayload).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
        const awareness = await call(socket, CollabEvents.AwarenessUpdate, {
          docId: doc.id,
          update: encodeAwareness([
            {
              clientId: 77,
              clock: 1,
              state: JSON.stringify({ user: { name: marker('awareness') } }),
            },
          ]),
        });
        expect(awareness).toMatchObject({ ok: true });
        const renamed = await user.client.patch(`/documents/${doc.id}`, {
          title: `Renamed ${marker('rename')}`,
        });
        expect(renamed.status).toBe(200);
      } finally {
        socket.disconnect();
      }
    },
  },
  {
    name: "a task's description, comment and a claim's note",
    async run({ user, coalitionId, marker }) {
      const task = await user.client.post<{ id: string }>(`/coalitions/${coalitionId}/tasks`, {
        title: `Visit the shelter ${marker('task-title')}`,
        description: `Contact through ${marker('task-description')}`,
      });
      expect(task.status).toBe(201);
      const comment = await user.client.post(
        `/coalitions/${coalitionId}/tasks/${task.body.id}/comments`,
        { body: `Witness lives at ${marker('comment')}` },
      );
      expect(comment.status).toBe(201);
      const claim = await user.client.post(`/coalitions/${coalitionId}/claims`, {
        targetKind: 'office',
        targetKey: `Office ${marker('claim-key')}`,
        note: `Meeting ${marker('claim-note')}`,
      });
      expect(claim.status).toBe(201);
    },
  },
  {
    name: "a case map's restricted and private nodes (their details live in the owner's layer)",
    async run({ t, user, coalitionId, marker }) {
      const map = await createMap(user, coalitionId);
      const socket = await rawSocket(t, user.client.token);
      try {
        const session = await MapSession.open(socket, user, map.id);
        await session.edit((docs, actor) => {
          createNode(docs, actor, {
            type: 'person',
            name: `Witness ${marker('restricted-name')}`,
            description: `Lives at ${marker('restricted-detail')}`,
            sensitivity: 'restricted',
            x: 0,
            y: 0,
          });
          createNode(docs, actor, {
            type: 'location',
            name: `Safe house ${marker('private-name')}`,
            sensitivity: 'private',
            x: 100,
            y: 0,
          });
        });
        const layers = await user.client.get(`/case-maps/${map.id}/layers`);
        expect(layers.status).toBe(200);
      } finally {
        socket.disconnect();
      }
    },
  },
  {
    name: 'a socket handshake with a forged token',
    async run({ t, marker }) {
      const forged = `eyJhbGciOiJIUzI1NiJ9.${marker('jwt')}.signature`;
      const socket = io(`${t.baseUrl}/collab`, {
        auth: { token: forged },
        transports: ['websocket'],
        parser: collabWireParser,
        reconnection: false,
        forceNew: true,
      });
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.disconnect();
      expect(error.message).toBe('UNAUTHENTICATED');
      const res = await json(t, '/api/v1/me', { token: forged });
      expect(res.status).toBe(401);
    },
  },
];

let t: TestApp;
const logLines: string[] = [];
const markers: string[] = [];

beforeAll(async () => {
  t = await startTestApp(
    { LOG_LEVEL: 'trace', LOG_PRETTY: 'false' },
    { logStream: { write: (line: string) => void logLines.push(line) } },
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('logs never carry sensitive values', () => {
  it('logs every request at trace level, and nothing any marker action sent', async () => {
    const user = await signUpOrg(t, 'logs');
    const coalitionId = (await createCoalition(user)).id;
    const ctx: MarkerContext = {
      t,
      user,
      coalitionId,
      marker: (label) => {
        const value = `MRK${randomUUID().replace(/-/g, '')}${label.replace(/\W/g, '')}`;
        markers.push(value);
        return value;
      },
    };
    markers.push(user.client.token!, user.client.refreshCookie!);
    for (const action of MARKER_ACTIONS) {
      const extra = await action.run(ctx);
      markers.push(...(extra ?? []));
    }
    // The control: a value the client chose as its request id is logged, so capture works.
    const requestId = `control-${randomUUID()}`;
    await json(t, '/api/v1/me', {
      token: user.client.token,
      headers: { 'x-request-id': requestId },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const output = logLines.join('');
    expect(output).toContain(requestId);
    expect(logLines.length).toBeGreaterThan(40);
    const completed = logLines.filter((line) => line.includes('"request completed"'));
    expect(completed.length).toBeGreaterThan(15);

    expect(markers.length).toBeGreaterThan(25);
    const leaked = markers.filter((m) => output.includes(m));
    expect(leaked).toEqual([]);
    // The markers' shared prefix would show a partial leak (e.g. a truncated value).
    expect(output).not.toContain('MRK');
  });
});
