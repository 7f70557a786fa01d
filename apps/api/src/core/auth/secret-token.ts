import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (256 bits) for refresh tokens and invitation links. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 hashes. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
