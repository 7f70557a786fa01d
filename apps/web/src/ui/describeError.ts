import { ApiError } from '../lib/ApiError';

export interface ErrorDescription {
  title: string;
  message: string;
  /** Extra lines, e.g. field problems that belong to no field of the form. */
  details: string[];
}

const TITLES: Partial<Record<ApiError['code'], string>> = {
  VALIDATION_FAILED: 'Please check the form',
  INVALID_CREDENTIALS: 'Sign-in failed',
  MFA_CODE_INVALID: 'Wrong code',
  MFA_CHALLENGE_EXPIRED: 'Sign in again',
  MFA_ENROLMENT_REQUIRED: 'Two-factor authentication required',
  REAUTH_REQUIRED: 'Confirm it is you',
  ACCOUNT_DISABLED: 'Account disabled',
  FORBIDDEN: 'Not allowed',
  CSRF_REJECTED: 'Request refused',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  INVITE_EXPIRED: 'Invitation expired',
  INVITE_USED: 'Invitation already used',
  LAST_ADMIN: 'An administrator is required',
  LAST_COORDINATOR: 'A coordinator is required',
  PAYLOAD_TOO_LARGE: 'Too large',
  RATE_LIMITED: 'Too many attempts',
  NETWORK_ERROR: 'Connection problem',
  INTERNAL: 'Something went wrong',
};

/** A human title and message for any error thrown by a query or mutation. */
export function describeError(error: unknown, now: Date = new Date()): ErrorDescription {
  if (error instanceof ApiError) {
    const details = error.fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message));
    if (error.code === 'RATE_LIMITED' && error.retryAfter !== null) {
      const at = new Date(now.getTime() + error.retryAfter * 1000);
      const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      details.push(`You can try again at ${time}.`);
    }
    return { title: TITLES[error.code] ?? 'Request failed', message: error.message, details };
  }
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return { title: 'Something went wrong', message, details: [] };
}
