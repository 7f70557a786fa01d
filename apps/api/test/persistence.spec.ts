import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import type { CoalitionDto, ErrorBody } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import type { TestDatabase } from './support/test-database.js';
import { createCoalition, PASSWORD, signUpOrg } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

const DEMO_PASSWORD = 'Demo-Coalition-2026';
/** Each of these tests starts the app twice; the first start of an on-disk PGlite is the slowest. */
const RESTARTS_TIMEOUT = 180_000;
const realPostgres = Boolean(process.env.DATABASE_URL);
const dirs: string[] = [];
const open: TestApp[] = [];
const storages: Storage[] = [];

/**
 * Where the data lives from one start of the app to the next: a directory of the embedded PGlite
 * (no DATABASE_URL), or one database on the PostgreSQL server of DATABASE_URL.
 */
interface Storage {
  env: Record<string, string>;
  database?: TestDatabase;
}

async function newStorage(): Promise<Storage> {
  const storage: Storage = { env: {} };
  storages.push(storage);
  if (!realPostgres) {
    const dir = await mkdtemp(join(tmpdir(), 'coalesce-data-'));
    dirs.push(dir);
    storage.env.DATA_DIR = dir;
  }
  return storage;
}

/** Starts the app on `storage`, creating the database on the first start. */
async function start(storage: Storage, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp({ ...storage.env, ...env }, { database: storage.database });
  storage.database = t.database;
  open.push(t);
  return t;
}

/** Stops the app but keeps its data for the next start (afterAll drops the databases). */
async function stop(t: TestApp): Promise<void> {
  open.splice(open.indexOf(t), 1);
  await t.close({ keepDatabase: true });
}

afterAll(async () => {
  for (const t of [...open]) await stop(t).catch(() => undefined);
  for (const storage of storages) await storage.database?.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function survivesRestart(): Promise<void> {
  const storage = await newStorage();
  const first = await start(storage);
  const alice = await signUpOrg(first, 'persist');
  const coalition = await createCoalition(alice, `Persistent coalition ${Date.now()}`);
  const refreshCookie = alice.client.refreshCookie;
  expect(refreshCookie).toBeTruthy();
  await stop(first);
  expect((await fetch(`${first.baseUrl}/api/health`).catch(() => null))?.status).toBeUndefined();

  // SEED_DEMO=true as well: the demo is only for an empty database, never mixed into real data.
  const second = await start(storage, { SEED_DEMO: 'true' });
  try {
    const coalitions: Array<{ slug: string }> = await second.db.query(
      'SELECT slug FROM coalitions',
    );
    expect(coalitions).toEqual([{ slug: coalition.slug }]);
    expect((await second.client().login('maya@polaris.demo', DEMO_PASSWORD)).status).toBe(401);

    const again = second.client();
    const login = await again.login(alice.email, PASSWORD);
    expect(login.status).toBe(200);
    const me = await again.me();
    expect(me).toMatchObject({
      id: alice.me.id,
      organization: alice.me.organization,
      coalitions: [expect.objectContaining({ id: coalition.id, role: 'coordinator' })],
    });
    const seen = expectStatus(await again.get<CoalitionDto>(`/coalitions/${coalition.id}`), 200);
    expect(seen.name).toBe(coalition.name);
    expectError(await again.login(alice.email, 'not-the-password-123'), 401, 'INVALID_CREDENTIALS');

    // The session from before the restart still works (refresh tokens are in the database).
    const resumed = second.client();
    resumed.refreshCookie = refreshCookie;
    expect((await resumed.refresh()).status).toBe(200);
    expect((await resumed.me()).id).toBe(alice.me.id);

    // Migrations ran once, not again at the second start.
    const migrations: Array<{ n: number }> = await second.db.query(
      'SELECT count(*)::int AS n FROM migrations',
    );
    expect(migrations[0].n).toBeGreaterThan(0);
    const names: Array<{ name: string; n: number }> = await second.db.query(
      'SELECT name, count(*)::int AS n FROM migrations GROUP BY name HAVING count(*) > 1',
    );
    expect(names).toEqual([]);
  } finally {
    await stop(second);
  }
}

async function seedsOnce(): Promise<void> {
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const storage = await newStorage();
  try {
    const first = await start(storage, { SEED_DEMO: 'true' });
    const counts = async (t: TestApp) =>
      (
        (await t.db.query(
          `SELECT (SELECT count(*)::int FROM coalitions) AS coalitions,
                  (SELECT count(*)::int FROM organizations) AS organizations,
                  (SELECT count(*)::int FROM users) AS users,
                  (SELECT count(*)::int FROM working_groups) AS groups`,
        )) as Array<Record<string, number>>
      )[0];
    const seeded = await counts(first);
    expect(seeded.coalitions).toBe(1);
    expect(seeded.organizations).toBeGreaterThanOrEqual(5);
    expect(seeded.groups).toBeGreaterThan(0);
    // The logins are printed for the person who started the app.
    expect(quiet.mock.calls.flat().join('\n')).toContain(DEMO_PASSWORD);
    await stop(first);

    const second = await start(storage, { SEED_DEMO: 'true' });
    try {
      expect(await counts(second)).toEqual(seeded);
      const demo: Array<{ n: number }> = await second.db.query(
        "SELECT count(*)::int AS n FROM coalitions WHERE slug = 'alliance-demo'",
      );
      expect(demo[0].n).toBe(1);

      const maya = second.client();
      expect((await maya.login('maya@polaris.demo', DEMO_PASSWORD)).status).toBe(200);
      const me = await maya.me();
      expect(me.orgRole).toBe('admin');
      expect(me.coalitions).toEqual([
        expect.objectContaining({ slug: 'alliance-demo', role: 'coordinator' }),
      ]);
      const coalitionId = me.coalitions[0].id;
      expect(
        expectStatus(await maya.get<CoalitionDto>(`/coalitions/${coalitionId}`), 200).memberCount,
      ).toBe(seeded.organizations - 1);

      const jordan = second.client();
      expect((await jordan.login('jordan@northbridge.demo', DEMO_PASSWORD)).status).toBe(200);
      expect((await jordan.me()).coalitions[0]).toMatchObject({
        id: coalitionId,
        role: 'observer',
      });

      // The demo's outside organization does not see the coalition.
      const outsider = second.client();
      expect((await outsider.login('dilnoza@monitors.demo', DEMO_PASSWORD)).status).toBe(200);
      const hidden = await outsider.get<ErrorBody>(`/coalitions/${coalitionId}`);
      expectError(hidden, 404, 'NOT_FOUND');
    } finally {
      await stop(second);
    }
  } finally {
    quiet.mockRestore();
  }
}

describe('persistence across restarts', () => {
  // Skipped when DATABASE_URL is set: the app then runs on that PostgreSQL server and never
  // opens the embedded database, so the PostgreSQL case below runs instead.
  (realPostgres ? it.skip : it)(
    'keeps accounts and coalitions in the embedded database on disk (DATA_DIR), without seeding',
    survivesRestart,
    RESTARTS_TIMEOUT,
  );
  // Skipped without DATABASE_URL: there is no PostgreSQL server to restart against; the embedded
  // case above runs instead.
  (realPostgres ? it : it.skip)(
    'keeps accounts and coalitions in PostgreSQL (DATABASE_URL) across restarts, without seeding',
    survivesRestart,
    RESTARTS_TIMEOUT,
  );

  it(
    'seeds the demo coalition on the first start only (SEED_DEMO=true twice)',
    seedsOnce,
    RESTARTS_TIMEOUT,
  );
});
