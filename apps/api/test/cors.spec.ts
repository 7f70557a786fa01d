import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { collabWireParser } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';

/**
 * One origin allow-list (CORS_ORIGINS) for REST and Socket.IO: a listed origin gets CORS headers
 * and may open sockets; any other origin gets no CORS header at all, and its Socket.IO handshake
 * is refused (browsers do not apply CORS to WebSockets, so the server must).
 */
const LISTED = 'http://localhost:5173';
const EVIL = 'https://evil.example';

let t: TestApp;
let user: Actor;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: `${LISTED}, https://app.example.org` });
  user = await signUpOrg(t, 'cors');
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

const corsHeaders = (res: Response) =>
  [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));

function preflight(origin: string, path = '/api/v1/auth/refresh') {
  return fetch(`${t.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-coalesce-csrf',
    },
  });
}

/** Connects to `namespace` with the given Origin header (none when null); resolves with the outcome. */
async function handshake(
  origin: string | null,
  namespace = '/collab',
): Promise<{ connected: boolean; error?: string; code?: string }> {
  const socket = io(`${t.baseUrl}${namespace}`, {
    auth: { token: user.client.token },
    transports: ['websocket'],
    parser: collabWireParser,
    reconnection: false,
    forceNew: true,
    extraHeaders: origin ? { origin } : {},
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => {
      resolve({ connected: true });
      socket.disconnect();
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      resolve({ connected: false, error: error.message, code: error.data?.code }),
    );
  });
}

describe('CORS allow-list', () => {
  it('answers a listed origin with credentialed CORS headers, the CSRF header allowed', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { headers: { origin: LISTED } });
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const pre = await preflight(LISTED);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'x-coalesce-csrf',
    );
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives any other origin no CORS header at all, on requests and preflights', async () => {
    for (const origin of [EVIL, 'null', 'http://localhost:5174', 'https://app.example.org.evil']) {
      const res = await fetch(`${t.baseUrl}/api/health`, { headers: { origin } });
      expect({ origin, status: res.status, cors: corsHeaders(res) }).toEqual({
        origin,
        status: 200,
        cors: [],
      });
      const me = await fetch(`${t.baseUrl}/api/v1/me`, {
        headers: { origin, authorization: `Bearer ${user.client.token}` },
      });
      expect({ origin, cors: corsHeaders(me) }).toEqual({ origin, cors: [] });
      const pre = await preflight(origin);
      expect({ origin, cors: corsHeaders(pre), ok: pre.ok }).toEqual({
        origin,
        cors: [],
        ok: false,
      });
    }
  });

  it('gives no CORS header to anyone when CORS_ORIGINS is empty', async () => {
    const bare = await startTestApp();
    try {
      const res = await fetch(`${bare.baseUrl}/api/health`, { headers: { origin: LISTED } });
      expect(corsHeaders(res)).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

describe('Socket.IO origin check', () => {
  it('accepts the handshake without an Origin (scripts), from the own origin and from a listed one', async () => {
    expect(await handshake(null)).toEqual({ connected: true });
    expect(await handshake(t.baseUrl)).toEqual({ connected: true });
    expect(await handshake(LISTED)).toEqual({ connected: true });
    expect(await handshake('https://app.example.org')).toEqual({ connected: true });
  });

  it('refuses a page from another origin before any namespace sees it, even with a valid token', async () => {
    for (const origin of [EVIL, 'null', 'http://localhost:5174']) {
      const outcome = await handshake(origin);
      expect({ origin, connected: outcome.connected }).toEqual({ origin, connected: false });
    }
    // The same refusal at the Engine.IO level, whatever the namespace.
    expect((await handshake(EVIL, '/')).connected).toBe(false);
  });

  it('accepts nobody on the main namespace: every feature lives in a named one', async () => {
    expect(await handshake(null, '/')).toMatchObject({ connected: false, code: 'NOT_FOUND' });
  });
});
