import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody } from '@coalesce/protocol';
import { DocumentContentIndexer } from '../src/modules/documents/document-content-indexer.js';
import { createDocument } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { openDocument } from './support/documents.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectStatus } from './support/expect.js';

/**
 * Who may call each document-scoped route (/documents/{docId}/...), taken from the OpenAPI
 * document so that a new route fails this test until it has a case. The document belongs to a
 * coordinator organization (the editor, the control) and is shared with the coalition as `view`:
 * - an outsider organization gets 404 NOT_FOUND everywhere, exactly as for a missing document;
 * - an observer organization and a read-only member (a member organization with only `view`)
 *   read, and get 403 FORBIDDEN on every write, which changes nothing.
 */
type Role = 'outsider' | 'observer' | 'readOnlyMember';
type Expectation = 'ok' | 403 | 404;

interface Ids {
  docId: string;
  versionId: string;
  threadId: string;
}
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A valid body, so a wrongly allowed write would really happen (and be caught). */
  body?: (ids: Ids) => unknown;
  expect: Record<Role, Expectation>;
}

const READ: Record<Role, Expectation> = { outsider: 404, observer: 'ok', readOnlyMember: 'ok' };
const WRITE: Record<Role, Expectation> = { outsider: 404, observer: 403, readOnlyMember: 403 };

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/documents/{docId}', expect: READ },
  {
    method: 'PATCH',
    path: '/api/v1/documents/{docId}',
    body: () => ({ title: 'Renamed by someone' }),
    expect: WRITE,
  },
  { method: 'POST', path: '/api/v1/documents/{docId}/archive', expect: WRITE },
  { method: 'POST', path: '/api/v1/documents/{docId}/restore', expect: WRITE },
  { method: 'DELETE', path: '/api/v1/documents/{docId}', expect: WRITE },
  {
    method: 'PUT',
    path: '/api/v1/documents/{docId}/sharing',
    body: () => ({ coalitionPermission: 'edit', organizations: [] }),
    expect: WRITE,
  },
  { method: 'GET', path: '/api/v1/documents/{docId}/export.md', expect: READ },
  { method: 'GET', path: '/api/v1/documents/{docId}/versions', expect: READ },
  {
    method: 'POST',
    path: '/api/v1/documents/{docId}/versions',
    body: () => ({ name: 'Sneaky version' }),
    expect: WRITE,
  },
  { method: 'GET', path: '/api/v1/documents/{docId}/versions/{versionId}/state', expect: READ },
  {
    method: 'POST',
    path: '/api/v1/documents/{docId}/versions/{versionId}/restore',
    expect: WRITE,
  },
  { method: 'GET', path: '/api/v1/documents/{docId}/comments', expect: READ },
  {
    method: 'POST',
    path: '/api/v1/documents/{docId}/comments',
    body: () => ({ anchor: anchorOf(), quote: 'Anch', body: 'A comment' }),
    expect: WRITE,
  },
  {
    method: 'POST',
    path: '/api/v1/documents/{docId}/comments/{threadId}/replies',
    body: () => ({ body: 'A reply' }),
    expect: WRITE,
  },
  {
    method: 'PUT',
    path: '/api/v1/documents/{docId}/comments/{threadId}/status',
    body: () => ({ status: 'resolved' }),
    expect: WRITE,
  },
];

const ROLES: Role[] = ['outsider', 'observer', 'readOnlyMember'];
const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function url(template: string, ids: Ids): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (ids as unknown as Record<string, string | undefined>)[name];
    if (!value) throw new Error(`No test id for path parameter {${name}} in ${template}`);
    return value;
  });
}

let t: TestApp;
let actors: Record<Role | 'editor', Actor>;
let ids: Ids;
let cases = 0;

beforeAll(async () => {
  // No background writer may change the database between a case's two fingerprints (the
  // compaction/checkpoint job is off; the search indexer is flushed after the setup's edit).
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
  actors = { editor, readOnlyMember: member, observer, outsider };
  const doc = await createDocument(editor, coalition.id, { coalitionPermission: 'view' });
  const { socket, open } = await openDocument(t, editor);
  expect(await (await open(doc.id)).appendParagraph('Anchor text for a comment')).toMatchObject({
    ok: true,
  });
  socket.disconnect();
  const version = expectStatus(
    await editor.client.post<{ id: string }>(`/documents/${doc.id}/versions`, { name: 'v1' }),
    201,
  );
  const thread = expectStatus(
    await editor.client.post<{ id: string }>(`/documents/${doc.id}/comments`, {
      anchor: anchorOf(),
      quote: 'Anch',
      body: 'First thread',
    }),
    201,
  );
  await t.app.get(DocumentContentIndexer).flush();
  ids = { docId: doc.id, versionId: version.id, threadId: thread.id };
}, 120_000);
afterAll(async () => {
  await t?.close();
  console.log(
    `document access matrix: ${cases} route × role cases run (${ROUTES.length} routes × ${ROLES.length} roles)`,
  );
});

describe('document access matrix', () => {
  it('covers every document-scoped route of the OpenAPI document', async () => {
    const doc = await t
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const documented = Object.entries(doc.body.paths)
      .filter(([path]) => path.startsWith('/api/v1/documents/{docId}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => key(method, path)))
      .sort();
    const covered = ROUTES.map((r) => key(r.method, r.path)).sort();
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toEqual(documented);
  });

  it('answers every role as the table says; refusals change nothing', async () => {
    const ghost: Ids = { ...ids, docId: '2c6f0e4b-8a1d-4f3e-9b5c-7d2a1e0f4c8b' };
    for (const route of ROUTES) {
      for (const role of ROLES) {
        const expected = route.expect[role];
        const before = await settledFingerprint(t);
        const res = await actors[role].client.request<ErrorBody>(
          route.method,
          url(route.path, ids),
          route.body?.(ids),
        );
        const label = `${role} ${key(route.method, route.path)}`;
        if (expected === 'ok') {
          expect({ label, status: res.status }).toEqual({ label, status: 200 });
        } else {
          const code = expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN';
          expect({ label, status: res.status, code: res.body?.error?.code }).toEqual({
            label,
            status: expected,
            code,
          });
          expect(await settledFingerprint(t)).toEqual(before);
        }
        if (role === 'outsider') {
          // The answer does not reveal that the document exists.
          const missing = await actors.outsider.client.request<ErrorBody>(
            route.method,
            url(route.path, ghost),
            route.body?.(ghost),
          );
          expect({ label, status: missing.status, message: missing.body?.error?.message }).toEqual({
            label,
            status: 404,
            message: res.body.error.message,
          });
        }
        cases += 1;
      }
    }
  });

  it('lets the editor (the control) do every write the others are refused', async () => {
    // Non-destructive writes first; delete last.
    const writes = ROUTES.filter((r) => r.method !== 'GET').sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    for (const route of writes) {
      const res = await actors.editor.client.request<ErrorBody>(
        route.method,
        url(route.path, ids),
        route.body?.(ids),
      );
      const label = key(route.method, route.path);
      expect({ label, ok: res.status < 300 }).toEqual({ label, ok: true });
    }
  });
});
