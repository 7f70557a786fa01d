/**
 * What the logs may say about a request or an error. Logs are read by operators and shipped to
 * other systems; the people in this product handle data about survivors, so logs carry no request
 * or response bodies, no credentials and no user content. The serializers below keep only named
 * fields (an allow-list); `REDACT_PATHS` is the second net for objects logged by hand.
 */

/** Replaces every value that reaches a log through a redacted path. */
export const REDACTED = '[redacted]';

/**
 * Paths pino blanks out wherever they appear (`*` is one level): credentials in headers and
 * bodies, one-time codes, and anything that carries a request body or SQL parameters.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-coalesce-csrf"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'body',
  'req.body',
  '*.body',
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.inviteToken',
  '*.totp',
  '*.totpCode',
  '*.otp',
  '*.challengeToken',
  '*.recoveryCode',
  '*.recoveryCodes',
  '*.secret',
  '*.update',
  '*.stateVector',
  '*.parameters',
  '*.driverError',
  '*.detail',
];

/** `/path?a=1&b=2` -> `/path?a=[redacted]&b=[redacted]`: query values may be tokens or search text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0].slice(0, 40)}=${REDACTED}`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/**
 * PostgreSQL quotes the offending value in some messages (`invalid input syntax for type uuid:
 * "..."`, `Key (email)=(...) already exists`); keep the message, drop the value.
 */
export function scrubMessage(message: string): string {
  return message
    .replace(/(for (?:type|enum) [\w.]+: )"[^"]*"/gi, `$1"${REDACTED}"`)
    .replace(/=\([^)]*\)/g, `=(${REDACTED})`)
    .slice(0, 1000);
}

interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * An error as it may appear in a log: its class, code, scrubbed message and stack. Never its other
 * fields (TypeORM's QueryFailedError carries the SQL parameters, body-parser's errors the raw body).
 */
export function safeError(error: unknown, depth = 0): LoggedError | unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrubMessage(error) : error;
  const code = (error as { code?: unknown }).code;
  const logged: LoggedError = {
    type: error.constructor?.name ?? error.name,
    message: scrubMessage(error.message),
    stack: error.stack ? scrubMessage(error.stack).slice(0, 4000) : undefined,
  };
  if (typeof code === 'string' || typeof code === 'number') logged.code = String(code);
  if (error.cause !== undefined && depth < 3)
    logged.cause = safeError(error.cause, depth + 1) as LoggedError;
  return logged;
}
