import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabClient } from '@coalesce/collab-client';
import type { DocHandle } from '@coalesce/collab-client';
import { CollabEvents } from '@coalesce/protocol';
import type { OpenResult } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, rawSocket, rng, waitUntil } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function randomEdit(doc: Y.Doc, random: () => number, label: string): void {
  const text = doc.getText('content');
  const roll = random();
  if (roll < 0.55 || text.length === 0) {
    text.insert(Math.floor(random() * (text.length + 1)), `${label}${Math.floor(random() * 100)} `);
  } else if (roll < 0.8) {
    const at = Math.floor(random() * text.length);
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 5)));
  } else {
    const map = doc.getMap('targets');
    if (random() < 0.7)
      map.set(`office-${Math.floor(random() * 8)}`, {
        owner: label,
        round: Math.floor(random() * 10),
      });
    else map.delete(`office-${Math.floor(random() * 8)}`);
  }
}

describe('collaboration: convergence (property style)', () => {
  it.each([[7], [2026]])(
    'N clients with random concurrent edits and offline periods converge to the stored state (seed %i)',
    async (seed) => {
      const random = rng(seed);
      const doc = await createDocument(owner, coalitionId, { kind: 'note' });
      const actors = [owner, member, owner, member, owner];
      const clients = actors.map(
        (actor) =>
          new CollabClient({
            url: t.baseUrl,
            getToken: async () => actor.client.token!,
            reconnectionDelayMs: 50,
            reconnectionDelayMaxMs: 200,
            gapRepairDelayMs: 100,
          }),
      );
      const handles: DocHandle[] = clients.map((c) => c.openDoc(doc.id));
      await Promise.all(handles.map((h) => h.whenSynced()));

      const offline = new Set<number>();
      for (let round = 0; round < 150; round += 1) {
        const i = Math.floor(random() * clients.length);
        const roll = random();
        if (roll < 0.1 && !offline.has(i)) {
          clients[i].socket.disconnect();
          offline.add(i);
        } else if (roll < 0.2 && offline.has(i)) {
          clients[i].connect();
          offline.delete(i);
        } else {
          for (let k = 0; k < 1 + Math.floor(random() * 3); k += 1)
            randomEdit(handles[i].doc, random, `c${i}`);
        }
        if (random() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(random() * 20)));
      }
      for (const i of offline) clients[i].connect();

      await waitUntil(
        () => handles.every((h) => h.status === 'synced' && h.pendingUpdates === 0),
        30_000,
        'every client to be synced',
      );
      const expected = Y.encodeStateVector(handles[0].doc);
      await waitUntil(
        () =>
          handles.every(
            (h) =>
              Buffer.from(Y.encodeStateVector(h.doc)).equals(Buffer.from(expected)) &&
              h.doc.getText('content').toString() === handles[0].doc.getText('content').toString(),
          ),
        30_000,
        'replicas to converge',
      );

      // The state loaded from the database equals every replica.
      const socket = await rawSocket(t, owner.client.token);
      const stored = new Y.Doc();
      const opened = await call<OpenResult>(socket, CollabEvents.DocOpen, { docId: doc.id });
      if (!opened.ok) throw new Error(opened.error.message);
      Y.applyUpdate(stored, new Uint8Array(opened.update));
      socket.disconnect();
      for (const h of handles) {
        expect(h.doc.getText('content').toString()).toBe(stored.getText('content').toString());
        expect(h.doc.getMap('targets').toJSON()).toEqual(stored.getMap('targets').toJSON());
        expect(Buffer.from(Y.encodeStateVector(h.doc))).toEqual(
          Buffer.from(Y.encodeStateVector(stored)),
        );
      }
      expect(stored.getText('content').length).toBeGreaterThan(0);
      // The scenario really went offline and came back (re-opened) at least once.
      expect(handles.some((h) => h.stats.opens > 1)).toBe(true);
      const dropped = handles.reduce((n, h) => n + h.stats.dropped, 0);
      expect(dropped).toBe(0);
      for (const c of clients) c.close();
    },
    120_000,
  );
});
