/** Largest JSON body the REST API accepts (larger bodies get 413). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Default and largest page size for list endpoints. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Login attempts allowed per window, per client IP and per account. */
export const LOGIN_ATTEMPTS_PER_IP = 20;
export const LOGIN_ATTEMPTS_PER_ACCOUNT = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Default lifetime of invitation links. */
export const INVITE_TTL_DAYS_DEFAULT = 7;
export const INVITE_TTL_DAYS_MAX = 30;
