/**
 * Which browser origins may talk to the API: the API's own origin (the web app it serves) and the
 * configured allow-list (`CORS_ORIGINS`). One answer for CORS, the Socket.IO handshake and the CSRF
 * check, so they can never disagree.
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowList: readonly string[]) {
    this.allowed = new Set(allowList.map(normalizeOrigin).filter((o): o is string => o !== null));
  }

  /** The origin is in the allow-list (what CORS may answer to). */
  isListed(origin: string | undefined): boolean {
    const normalized = origin ? normalizeOrigin(origin) : null;
    return normalized !== null && this.allowed.has(normalized);
  }

  /**
   * The origin is the server's own (its host:port is the request's Host) or listed. `host` is the
   * Host header of the same request: a cross-site page cannot choose it, the browser does.
   */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (this.isListed(origin)) return true;
    const normalized = origin ? normalizeOrigin(origin) : null;
    if (!normalized || !host) return false;
    return new URL(normalized).host === host.toLowerCase();
  }
}

/** `scheme://host[:port]` in canonical form, or null for anything else (including "null"). */
function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
