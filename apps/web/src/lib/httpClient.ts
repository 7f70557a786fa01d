import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@coalesce/protocol';
import type { AuthTokens } from '@coalesce/protocol';
import { ApiError } from './ApiError';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Send no access token (sign-in, sign-up, public invite previews). */
  anonymous?: boolean;
}

export interface HttpClientOptions {
  /** Prefix of every path, e.g. "/api/v1". */
  baseUrl?: string;
  /** Injected for tests; defaults to the global fetch at call time. */
  fetch?: typeof fetch;
  /** Serializes token refreshes across tabs (Web Locks); defaults to navigator.locks when present. */
  lock?: <T>(run: () => Promise<T>) => Promise<T>;
}

export type SessionEndedListener = (error: ApiError) => void;
export type MfaEnrolmentListener = () => void;

/** Codes that mean the signed-in session is gone and the user must sign in again. */
const SESSION_GONE = new Set(['UNAUTHENTICATED', 'SESSION_REVOKED', 'REFRESH_TOKEN_REUSED']);

/**
 * The one way the web app talks to the API. The access token lives only in this closure (never
 * in storage); the refresh token is an httpOnly cookie the browser sends to /auth/refresh.
 * A 401 TOKEN_EXPIRED triggers one shared refresh, then the request is retried once.
 */
export function createHttpClient(options: HttpClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const lock = options.lock ?? browserLock;
  let accessToken: string | null = null;
  let refreshing: Promise<string> | null = null;
  const listeners = new Set<SessionEndedListener>();
  const enrolmentListeners = new Set<MfaEnrolmentListener>();

  function endSession(error: ApiError): void {
    accessToken = null;
    for (const listener of listeners) listener(error);
  }

  async function send(path: string, opts: RequestOptions, token: string | null) {
    // The CSRF header on every request: the API demands it wherever the refresh cookie is sent.
    const headers: Record<string, string> = {
      Accept: 'application/json',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
    };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token && !opts.anonymous) headers.Authorization = `Bearer ${token}`;
    const doFetch = options.fetch ?? globalThis.fetch;
    try {
      return await doFetch(baseUrl + path + queryString(opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'include',
        signal: opts.signal,
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw ApiError.network();
    }
  }

  /** Exchanges the refresh cookie for a new access token; concurrent callers share one request. */
  function refresh(): Promise<string> {
    refreshing ??= lock(async () => {
      const res = await send('/auth/refresh', { method: 'POST', anonymous: true }, null);
      if (!res.ok) throw await errorOf(res);
      const tokens = (await res.json()) as AuthTokens;
      accessToken = tokens.accessToken;
      return tokens.accessToken;
    })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) endSession(error);
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /** Sends with the access token (refreshed once on TOKEN_EXPIRED); throws ApiError unless 2xx. */
  async function fetchOk(path: string, opts: RequestOptions): Promise<Response> {
    const tokenUsed = opts.anonymous ? null : accessToken;
    let res = await send(path, opts, tokenUsed);
    if (res.status === 401 && tokenUsed) {
      const error = await errorOf(res);
      if (error.code !== 'TOKEN_EXPIRED') {
        if (SESSION_GONE.has(error.code)) endSession(error);
        throw error;
      }
      // Another request may already have refreshed while this one was in flight.
      const fresh = accessToken && accessToken !== tokenUsed ? accessToken : await refresh();
      res = await send(path, opts, fresh);
      if (res.status === 401) {
        const retryError = await errorOf(res);
        endSession(retryError);
        throw retryError;
      }
    }
    if (!res.ok) {
      const error = await errorOf(res);
      if (error.code === 'ACCOUNT_DISABLED') endSession(error);
      if (error.code === 'MFA_ENROLMENT_REQUIRED')
        for (const listener of enrolmentListeners) listener();
      throw error;
    }
    return res;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await fetchOk(path, opts);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'GET' }),
    post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'POST', body }),
    put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'PUT', body }),
    patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'PATCH', body }),
    delete: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
      request<T>(path, { ...opts, method: 'DELETE' }),
    /** The raw response (binary state, file downloads); errors are thrown as for `request`. */
    raw: (path: string, opts: RequestOptions = {}) => fetchOk(path, opts),
    refresh,
    setAccessToken(token: string | null): void {
      accessToken = token;
    },
    hasAccessToken: (): boolean => accessToken !== null,
    /** A token valid for at least another 30 s (refreshed when needed), e.g. for the socket handshake. */
    async freshAccessToken(): Promise<string> {
      if (accessToken && secondsLeft(accessToken) > 30) return accessToken;
      return refresh();
    },
    /** Called when the session ends under the app's feet (revoked, expired, account disabled). */
    onSessionEnded(listener: SessionEndedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called when the server holds the user until they set up two-factor (their organization requires it). */
    onMfaEnrolmentRequired(listener: MfaEnrolmentListener): () => void {
      enrolmentListeners.add(listener);
      return () => enrolmentListeners.delete(listener);
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return ApiError.fromBody(res.status, body, res.headers?.get?.('Retry-After'));
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Seconds until a JWT expires (0 when it cannot be read). */
function secondsLeft(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp - Date.now() / 1000 : 0;
  } catch {
    return 0;
  }
}

/** Two tabs refreshing at once would present the same rotating cookie twice and end the session. */
function browserLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('coalesce:token-refresh', run) : run();
}

/** The app's client. */
export const http = createHttpClient();
