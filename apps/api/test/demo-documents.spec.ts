import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CommentThreadDto,
  DocumentDto,
  MeDto,
  NotificationListDto,
  VersionDto,
} from '@coalesce/protocol';
import { DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { expectStatus } from './support/expect.js';
import type { ApiClient } from './support/api-client.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const DEMO_PASSWORD = 'Demo-Coalition-2026';
let t: TestApp;

async function signIn(email: string): Promise<{ client: ApiClient; me: MeDto }> {
  const client = t.client();
  expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
  return { client, me: await client.me() };
}

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('demo seed: lobbying plans', () => {
  it('seeds plans from public facts, searchable, with versions, comments and a mention', async () => {
    const tomas = await signIn('tomas@solidarity.demo');
    const coalitionId = tomas.me.coalitions[0].id;
    const plans = expectStatus(
      await tomas.client.get<DocumentDto[]>(`/coalitions/${coalitionId}/documents?kind=plan`),
      200,
    );
    expect(plans.map((p) => p.title).sort()).toEqual([
      'Cotton supply chains: forced labor campaign',
      'TVPA reauthorization: coalition lobbying plan',
    ]);
    const found = expectStatus(
      await tomas.client.get<DocumentDto[]>(
        `/coalitions/${coalitionId}/documents?q=${encodeURIComponent('P.L. 117-78')}`,
      ),
      200,
    );
    expect(found.map((d) => d.title)).toEqual(['Cotton supply chains: forced labor campaign']);
    expect(found[0].snippet).toContain('Uyghur Forced Labor Prevention Act (P.L. 117-78');

    const tvpa = plans.find((p) => p.title.startsWith('TVPA'))!;
    const versions = expectStatus(
      await tomas.client.get<VersionDto[]>(`/documents/${tvpa.id}/versions`),
      200,
    );
    expect(versions.map((v) => v.kind).sort()).toEqual(['checkpoint', 'named']);
    const threads = expectStatus(
      await tomas.client.get<CommentThreadDto[]>(`/documents/${tvpa.id}/comments`),
      200,
    );
    expect(threads.map((th) => th.status).sort()).toEqual(['open', 'resolved']);
    const open = threads.find((th) => th.status === 'open')!;
    expect(open.quote).toBe('Senate Judiciary Committee');
    expect(open.comments[0].mentions).toEqual([
      { kind: 'user', id: tomas.me.id, name: 'Tomas Lindqvist' },
    ]);
    const mine = expectStatus(await tomas.client.get<NotificationListDto>('/notifications'), 200);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'mention',
      threadId: open.id,
      documentId: tvpa.id,
    });

    const md = await tomas.client.get<string>(`/documents/${tvpa.id}/export.md`);
    expect(md.body).toContain('## Owners per organization');
    expect(md.body).toContain(
      '| Solidarity Center | Labor trafficking provisions | Tomas Lindqvist |',
    );
  });

  it('stays idempotent: a second run on a seeded database changes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM documents');
    expect(await t.app.get(DemoSeedService).seedIfEmpty()).toBe(false);
    expect(await t.db.query('SELECT count(*)::int AS n FROM documents')).toEqual(before);
  });
});
