import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import type {
  AccessRequestDto,
  CaseMapJson,
  DocumentDto,
  MeDto,
  NotificationListDto,
} from '@coalesce/protocol';
import type { ApiClient } from '../support/api-client.js';
import { expectStatus } from '../support/expect.js';
import type { Actor } from '../support/fixtures.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { rawSocket } from '../collab/collab-fixtures.js';
import { MapSession, layersOf } from './case-map-fixtures.js';

let t: TestApp;
const sockets: Socket[] = [];

async function signIn(email: string): Promise<Actor> {
  const client: ApiClient = t.client();
  expect((await client.login(email, 'Demo-Coalition-2026')).status).toBe(200);
  const me: MeDto = await client.me();
  return { client, me, email };
}

async function session(actor: Actor, mapId: string): Promise<MapSession> {
  const socket = await rawSocket(t, actor.client.token);
  sockets.push(socket);
  return MapSession.open(socket, actor, mapId);
}

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
}, 240_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('demo seed: case maps', () => {
  it('seeds two maps whose restricted and private nodes show redaction between the demo organizations', async () => {
    const grace = await signIn('grace@solidarity.demo');
    const alex = await signIn('alex@hua.demo');
    const rosa = await signIn('rosa@gulfcoast.demo');
    const jordan = await signIn('jordan@northbridge.demo');
    const coalitionId = grace.me.coalitions[0].id;
    const maps = expectStatus(
      await jordan.client.get<DocumentDto[]>(`/coalitions/${coalitionId}/documents?kind=case-map`),
      200,
    );
    expect(maps.map((d) => d.title).sort()).toEqual([
      'Cotton sector: forced labor monitoring',
      'Fishing supply chain: forced labor case',
    ]);
    const fishing = maps.find((d) => d.title.startsWith('Fishing'))!;
    const cotton = maps.find((d) => d.title.startsWith('Cotton'))!;

    // The field organization sees everything it holds; HUA sees a stub and no private witness.
    const byRosa = (await session(rosa, fishing.id)).view;
    expect(byRosa.problems).toEqual([]);
    const names = (view: typeof byRosa) =>
      view.nodes.map((n) => (n.redacted ? `[${n.type}]` : n.name));
    expect(names(byRosa)).toEqual(
      expect.arrayContaining([
        'Tunago No. 61',
        'U.S. Customs and Border Protection',
        'Pacific Harbor Seafood Imports (synthetic)',
        'Crew member R.D. (synthetic)',
        'Deckhand witness (synthetic)',
        '[business]',
      ]),
    );
    const byAlex = (await session(alex, fishing.id)).view;
    expect(names(byAlex)).not.toContain('Crew member R.D. (synthetic)');
    expect(names(byAlex)).not.toContain('Deckhand witness (synthetic)');
    expect(
      byAlex.nodes
        .filter((n) => n.redacted)
        .map((n) => n.type)
        .sort(),
    ).toEqual(['business', 'person']);
    // Solidarity Center was granted the field organization's layer: it reads the survivor.
    expect((await layersOf(grace, fishing.id)).layers.map((l) => [l.own, l.permission])).toEqual(
      expect.arrayContaining([
        [true, 'edit'],
        [false, 'view'],
      ]),
    );
    expect(names((await session(grace, fishing.id)).view)).toContain(
      'Crew member R.D. (synthetic)',
    );
    // The observer sees the shared map only.
    const byJordan = (await session(jordan, cotton.id)).view;
    expect(names(byJordan)).toEqual(
      expect.arrayContaining([
        'International Labour Organization (ILO)',
        'Cotton Campaign',
        '[person]',
      ]),
    );
    expect(names(byJordan)).not.toContain('Picker testimony T-12 (synthetic)');
    const exported = expectStatus(
      await jordan.client.get<CaseMapJson>(`/case-maps/${cotton.id}/export.json`),
      200,
    );
    expect(JSON.stringify(exported)).not.toMatch(/Harvest monitor|Picker testimony/);

    // Readable layout: no two nodes of a map on the same spot.
    for (const view of [byRosa, (await session(alex, cotton.id)).view]) {
      const spots = view.nodes.map((n) => `${n.x},${n.y}`);
      expect(new Set(spots).size).toBe(spots.length);
    }

    // A pending request from HUA for the survivor, with its notification to the field organization.
    const requests = expectStatus(
      await rosa.client.get<AccessRequestDto[]>(`/case-maps/${fishing.id}/access-requests`),
      200,
    );
    expect(requests).toEqual([
      expect.objectContaining({
        nodeType: 'person',
        status: 'pending',
        requestingOrg: expect.objectContaining({ name: 'Humanity United Action' }),
      }),
    ]);
    const inbox = expectStatus(await rosa.client.get<NotificationListDto>('/notifications'), 200);
    expect(inbox.items.map((n) => n.kind)).toContain('map-access-request');
  });
});
