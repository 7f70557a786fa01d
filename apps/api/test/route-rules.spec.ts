import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { SignJWT } from 'jose';
import { COALITION_ACTIONS, DOC_PERMISSIONS, ORG_ACTIONS } from '@coalesce/domain';
import type { ErrorBody } from '@coalesce/protocol';
import { ACCESS_RULE } from '../src/core/access/access-rule.js';
import type { AccessRule } from '../src/core/access/access-rule.js';
import {
  ALLOWED_BEFORE_MFA_ENROLMENT,
  RECENT_AUTHENTICATION,
} from '../src/core/auth/session-requirements.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { signUpOrg } from './support/fixtures.js';

interface Route {
  method: string;
  /** As in the OpenAPI document: /api/v1/coalitions/{id}. */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  /** Open to members who must still enrol in two-factor. */
  beforeMfaEnrolment: boolean;
  /** Needs a sign-in or re-authentication within the last minutes. */
  recentAuthentication: boolean;
}

/** The routes anyone may call without signing in. Anything else must demand a token. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /api/v1/invites/organization',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/mfa/verify',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/register',
];

let t: TestApp;
let routes: Route[];

/** Every route handler Nest registered, found through its controllers' metadata. */
function discoverRoutes(app: TestApp['app']): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const found: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const classPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as unknown);
    const classVersion = Reflect.getMetadata(VERSION_METADATA, controller) as unknown;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const version = (Reflect.getMetadata(VERSION_METADATA, handler) as unknown) ?? classVersion;
      const prefix = version === VERSION_NEUTRAL ? '/api' : `/api/v${String(version ?? '1')}`;
      const rule =
        (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ??
        (Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined);
      for (const classPath of classPaths) {
        for (const methodPath of asArray(Reflect.getMetadata(PATH_METADATA, handler) as unknown)) {
          const path = `${prefix}/${classPath}/${methodPath}`
            .replace(/\/+/g, '/')
            .replace(/\/$/, '')
            .replace(/:(\w+)/g, '{$1}');
          found.push({
            method: RequestMethod[method],
            path,
            handler: `${controller.name}.${name}`,
            rule,
            beforeMfaEnrolment: Reflect.getMetadata(ALLOWED_BEFORE_MFA_ENROLMENT, handler) === true,
            recentAuthentication: Reflect.getMetadata(RECENT_AUTHENTICATION, handler) === true,
          });
        }
      }
    }
  }
  return found;
}

function asArray(value: unknown): string[] {
  if (value === undefined || value === null) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
const params = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const fill = (path: string) => path.replace(/\{\w+\}/g, '3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b');

beforeAll(async () => {
  t = await startTestApp();
  routes = discoverRoutes(t.app);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('route access rules', () => {
  it('finds the same routes in Nest as in the OpenAPI document', async () => {
    const doc = await t
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const documented = Object.entries(doc.body.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => key({ method, path })))
      .sort();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map(key).sort()).toEqual(documented);
  });

  it('gives every route handler an access rule that makes sense for its path', () => {
    const problems: string[] = [];
    for (const route of routes) {
      const rule = route.rule;
      const where = `${route.handler} (${key(route)})`;
      if (!rule) {
        problems.push(`${where}: no access rule (@Public, @Authenticated, @CoalitionAccess, ...)`);
        continue;
      }
      const inPath = params(route.path);
      switch (rule.kind) {
        case 'public':
        case 'authenticated':
          break;
        case 'metrics':
          if (route.path !== '/api/metrics')
            problems.push(`${where}: metrics rule off /api/metrics`);
          break;
        case 'coalition':
          if (!(COALITION_ACTIONS as readonly string[]).includes(rule.action))
            problems.push(`${where}: unknown coalition action ${rule.action}`);
          if (!inPath.includes(rule.param))
            problems.push(`${where}: coalition id param "${rule.param}" is not in the path`);
          break;
        case 'org':
          if (!(ORG_ACTIONS as readonly string[]).includes(rule.action))
            problems.push(`${where}: unknown org action ${rule.action}`);
          if (rule.param !== null && !inPath.includes(rule.param))
            problems.push(`${where}: org id param "${rule.param}" is not in the path`);
          break;
        case 'document':
          if (!(DOC_PERMISSIONS as readonly string[]).includes(rule.needed))
            problems.push(`${where}: unknown document permission ${rule.needed}`);
          if (!inPath.includes(rule.param))
            problems.push(`${where}: document id param "${rule.param}" is not in the path`);
          break;
        default:
          problems.push(`${where}: unknown rule ${JSON.stringify(rule)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes public only the routes meant to be public', () => {
    const open = routes.filter((r) => r.rule?.kind === 'public').map(key);
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
  });

  it('opens only enrolment, /me, re-authentication and sign-out to members who must enrol in two-factor', () => {
    const open = routes.filter((r) => r.beforeMfaEnrolment).map(key);
    expect(open.sort()).toEqual([
      'DELETE /api/v1/auth/mfa',
      'GET /api/v1/auth/mfa',
      'GET /api/v1/me',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/mfa/enrolment',
      'POST /api/v1/auth/mfa/enrolment/confirm',
      'POST /api/v1/auth/reauth',
    ]);
  });

  it("demands a recent re-authentication to change the email, the password or a second factor (one's own or, as an admin, a member's)", () => {
    const sensitive = routes.filter((r) => r.recentAuthentication).map(key);
    expect(sensitive.sort()).toEqual([
      'DELETE /api/v1/auth/mfa',
      'PATCH /api/v1/me/email',
      'POST /api/v1/auth/mfa/enrolment',
      'POST /api/v1/auth/mfa/enrolment/confirm',
      'POST /api/v1/auth/mfa/recovery-codes',
      'POST /api/v1/auth/password',
      'POST /api/v1/organizations/current/members/{userId}/two-factor/reset',
    ]);
  });

  it('checks coalition access on every route under /coalitions/{id}', () => {
    const loose = routes
      .filter((r) => r.path.startsWith('/api/v1/coalitions/{id}'))
      .filter((r) => r.rule?.kind !== 'coalition' || r.rule.param !== 'id')
      .map(key);
    expect(loose).toEqual([]);
  });

  it('answers 401 on every non-public route without a token or with a forged one', async () => {
    const forged = await new SignJWT({ sid: '3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject((await signUpOrg(t, 'victim')).me.id)
      .setIssuer('coalesce')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-server-secret-but-long-enough-0123456789'));
    const results: string[] = [];
    // /api/metrics has its own rule (token or loopback; tested in observability.spec.ts).
    const protectedRoutes = routes.filter(
      (r) => r.rule?.kind !== 'public' && r.rule?.kind !== 'metrics',
    );
    expect(protectedRoutes.length).toBeGreaterThan(25);
    for (const route of protectedRoutes) {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const anonymous = t.client();
      const none = await anonymous.request<ErrorBody>(route.method, fill(route.path), body);
      results.push(`${key(route)} -> ${none.status} ${none.body?.error?.code}`);
      const forger = t.client();
      forger.token = forged;
      const bad = await forger.request<ErrorBody>(route.method, fill(route.path), body);
      results.push(`${key(route)} forged -> ${bad.status} ${bad.body?.error?.code}`);
    }
    expect(results).toEqual(
      protectedRoutes.flatMap((r) => [
        `${key(r)} -> 401 UNAUTHENTICATED`,
        `${key(r)} forged -> 401 UNAUTHENTICATED`,
      ]),
    );
  });

  it('answers public routes without a token (not 401 for lack of one)', async () => {
    const health = await t.client().get('/api/health');
    expect(health.status).toBe(200);
    const preview = await t.client().get<ErrorBody>('/invites/organization?token=0123456789abcdef');
    expect(preview.status).toBe(404);
    const login = await t
      .client()
      .post<ErrorBody>('/auth/login', { email: 'nobody@example.org', password: 'whatever-it-is' });
    expect(login.body.error.code).toBe('INVALID_CREDENTIALS');
  });
});
