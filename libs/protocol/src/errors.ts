/** Every error code the API can answer with, on REST and on sockets. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'SESSION_REVOKED',
  'REFRESH_TOKEN_REUSED',
  'MFA_CODE_INVALID',
  'MFA_CHALLENGE_EXPIRED',
  'MFA_ENROLMENT_REQUIRED',
  'REAUTH_REQUIRED',
  'FORBIDDEN',
  /** A cookie-authenticated request without the CSRF header, or from an origin not allowed. */
  'CSRF_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'INVITE_EXPIRED',
  'INVITE_USED',
  'LAST_ADMIN',
  'LAST_COORDINATOR',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INVALID_UPDATE',
  'OUT_OF_ORDER',
  'TOO_MANY_OPEN_DOCS',
  'DOC_NOT_OPEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. "organization.country"; empty for the whole body. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    /** Seconds until a rate-limited request may be retried. */
    retryAfter?: number;
    requestId?: string;
    /** Structured facts about a refusal, e.g. the allowed statuses or the fresh task of a 409. */
    details?: Record<string, unknown>;
  };
}
