import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@coalesce/protocol';
import type { AuthTokens, ErrorBody, MeDto } from '@coalesce/protocol';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client over fetch that remembers the refresh cookie and the access token, like a browser tab. */
export class ApiClient {
  token: string | null = null;
  refreshCookie: string | null = null;
  /** Client address to claim (sent as X-Forwarded-For, which the app trusts from loopback). */
  ip: string | null = null;
  /** Send the CSRF header, as the web app does on every request (turn off to test the check). */
  csrfHeader = true;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = {};
    if (this.csrfHeader) h[CSRF_HEADER] = CSRF_HEADER_VALUE;
    Object.assign(h, headers);
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.refreshCookie) h.cookie = `coalesce_refresh=${this.refreshCookie}`;
    if (this.ip) h['x-forwarded-for'] = this.ip;
    const res = await fetch(`${this.baseUrl}${path.startsWith('/api') ? path : `/api/v1${path}`}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('coalesce_refresh='));
    if (setCookie) {
      const value = setCookie.split(';')[0].slice('coalesce_refresh='.length);
      this.refreshCookie = value || null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(email: string, password: string): Promise<ApiResponse<AuthTokens | ErrorBody>> {
    const res = await this.post<AuthTokens | ErrorBody>('/auth/login', { email, password });
    if (res.status === 200) this.token = (res.body as AuthTokens).accessToken;
    return res;
  }

  async refresh(): Promise<ApiResponse<AuthTokens | ErrorBody>> {
    const res = await this.post<AuthTokens | ErrorBody>('/auth/refresh');
    if (res.status === 200) this.token = (res.body as AuthTokens).accessToken;
    return res;
  }

  async me(): Promise<MeDto> {
    const res = await this.get<MeDto>('/me');
    if (res.status !== 200)
      throw new Error(`GET /me answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
