import { describe, expect, it, jest } from '@jest/globals';
import { errorResponse, fakeResponse } from '../test/fakeResponse';
import { ApiError } from './ApiError';
import { createHttpClient } from './httpClient';

type FetchArgs = [string, RequestInit];

function setup(responses: Array<(url: string, init: RequestInit) => Response>) {
  const calls: FetchArgs[] = [];
  const queue = [...responses];
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    calls.push([url, init]);
    const next = queue.shift();
    if (!next) throw new Error(`Unexpected request ${init.method} ${url}`);
    return next(url, init);
  });
  const client = createHttpClient({
    baseUrl: '/api/v1',
    fetch: fetchMock as unknown as typeof fetch,
    lock: (run) => run(),
  });
  const auth = (i: number) => (calls[i]![1].headers as Record<string, string>).Authorization;
  return { client, calls, auth };
}

const expired = () => errorResponse(401, 'TOKEN_EXPIRED', 'The access token has expired.');

describe('createHttpClient', () => {
  it('sends the access token and the cookie credentials, and parses JSON', async () => {
    const { client, calls, auth } = setup([() => fakeResponse(200, { id: 'me' })]);
    client.setAccessToken('token-1');
    await expect(client.get('/me')).resolves.toEqual({ id: 'me' });
    expect(calls[0]![0]).toBe('/api/v1/me');
    expect(calls[0]![1].credentials).toBe('include');
    expect(auth(0)).toBe('Bearer token-1');
  });

  it('sends the CSRF header on every request, the cookie-authenticated refresh included', async () => {
    const { client, calls } = setup([
      expired,
      () => fakeResponse(200, { accessToken: 'token-2', expiresIn: 900 }),
      () => fakeResponse(200, { ok: true }),
    ]);
    client.setAccessToken('token-1');
    await client.post('/coalitions', { name: 'x' });
    expect(calls.map(([url]) => url)).toEqual([
      '/api/v1/coalitions',
      '/api/v1/auth/refresh',
      '/api/v1/coalitions',
    ]);
    for (const [, init] of calls)
      expect((init.headers as Record<string, string>)['X-Coalesce-CSRF']).toBe('1');
  });

  it('on TOKEN_EXPIRED refreshes once and retries the request with the new token', async () => {
    const { client, calls, auth } = setup([
      expired,
      () => fakeResponse(200, { accessToken: 'token-2', expiresIn: 900 }),
      () => fakeResponse(200, { ok: true }),
    ]);
    client.setAccessToken('token-1');
    await expect(client.get('/coalitions')).resolves.toEqual({ ok: true });
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/v1/coalitions',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/coalitions',
    ]);
    expect(auth(1)).toBeUndefined();
    expect(auth(2)).toBe('Bearer token-2');
  });

  it('shares one refresh between requests that expire together', async () => {
    const { client, calls } = setup([
      expired,
      expired,
      () => fakeResponse(200, { accessToken: 'token-2', expiresIn: 900 }),
      () => fakeResponse(200, 'a'),
      () => fakeResponse(200, 'b'),
    ]);
    client.setAccessToken('token-1');
    await Promise.all([client.get('/a'), client.get('/b')]);
    const refreshes = calls.filter(([url]) => url.endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
    expect(calls).toHaveLength(5);
  });

  it('reuses a token refreshed while an expired request was still in flight', async () => {
    const pending: Array<(res: Response) => void> = [];
    const urls: string[] = [];
    const auths: Array<string | undefined> = [];
    const fetchMock = (url: string, init: RequestInit) => {
      urls.push(`${init.method} ${url}`);
      auths.push((init.headers as Record<string, string>).Authorization);
      return new Promise<Response>((resolve) => pending.push(resolve));
    };
    const client = createHttpClient({
      fetch: fetchMock as unknown as typeof fetch,
      lock: (run) => run(),
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    client.setAccessToken('token-1');
    const a = client.get('/a');
    const b = client.get('/b');
    await settle();
    pending[0]!(expired()); // /a expired: refresh
    await settle();
    pending[2]!(fakeResponse(200, { accessToken: 'token-2', expiresIn: 900 }));
    await settle();
    pending[3]!(fakeResponse(200, 'a')); // /a retried
    await expect(a).resolves.toBe('a');
    pending[1]!(expired()); // /b, sent with token-1, answers only now
    await settle();
    pending[4]!(fakeResponse(200, 'b'));
    await expect(b).resolves.toBe('b');
    expect(urls).toEqual([
      'GET /api/v1/a',
      'GET /api/v1/b',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/a',
      'GET /api/v1/b',
    ]);
    expect(auths[4]).toBe('Bearer token-2');
  });

  it('does not loop when the retried request expires again', async () => {
    const { client, calls } = setup([
      expired,
      () => fakeResponse(200, { accessToken: 'token-2', expiresIn: 900 }),
      expired,
    ]);
    const ended = jest.fn();
    client.onSessionEnded(ended);
    client.setAccessToken('token-1');
    await expect(client.get('/me')).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(calls).toHaveLength(3);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh is refused', async () => {
    const { client } = setup([
      expired,
      () => errorResponse(401, 'SESSION_REVOKED', 'Your session has ended.'),
    ]);
    const ended = jest.fn();
    client.onSessionEnded(ended);
    client.setAccessToken('token-1');
    const error = await client.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'SESSION_REVOKED' });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(client.hasAccessToken()).toBe(false);
  });

  it('throws a typed ApiError with the field errors of a 400', async () => {
    const fields = [{ path: 'organization.country', message: 'Use a two-letter code.' }];
    const { client } = setup([
      () => errorResponse(400, 'VALIDATION_FAILED', 'Some fields are invalid.', { fields }),
    ]);
    const error = (await client.post('/auth/register', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual(fields);
  });

  it('reads retryAfter of a 429', async () => {
    const { client } = setup([
      () => errorResponse(429, 'RATE_LIMITED', 'Too many attempts.', { retryAfter: 120 }),
    ]);
    await expect(client.post('/auth/login', {})).rejects.toMatchObject({
      status: 429,
      retryAfter: 120,
    });
  });

  it('turns a failed fetch into a NETWORK_ERROR', async () => {
    const { client } = setup([
      () => {
        throw new TypeError('Failed to fetch');
      },
    ]);
    await expect(client.get('/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('keeps the token out of web storage', async () => {
    const { client } = setup([() => fakeResponse(200, { accessToken: 'secret', expiresIn: 900 })]);
    await client.refresh();
    expect(client.hasAccessToken()).toBe(true);
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('answers undefined for 204 and encodes query strings without empty values', async () => {
    const { client, calls } = setup([() => fakeResponse(204)]);
    await expect(
      client.get('/audit', { query: { action: 'auth.login', cursor: null, limit: 50, q: '' } }),
    ).resolves.toBeUndefined();
    expect(calls[0]![0]).toBe('/api/v1/audit?action=auth.login&limit=50');
  });

  it('tells its listeners when the server holds the user until they enrol in two-factor', async () => {
    const { client } = setup([
      () => errorResponse(403, 'MFA_ENROLMENT_REQUIRED', 'Set up two-factor authentication.'),
      () => errorResponse(403, 'FORBIDDEN', 'No.'),
    ]);
    const held = jest.fn();
    const ended = jest.fn();
    client.onMfaEnrolmentRequired(held);
    client.onSessionEnded(ended);
    client.setAccessToken('token-1');
    await expect(client.get('/coalitions')).rejects.toMatchObject({
      status: 403,
      code: 'MFA_ENROLMENT_REQUIRED',
    });
    expect(held).toHaveBeenCalledTimes(1);
    await expect(client.get('/coalitions')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(held).toHaveBeenCalledTimes(1);
    expect(ended).not.toHaveBeenCalled();
    expect(client.hasAccessToken()).toBe(true);
  });
});
