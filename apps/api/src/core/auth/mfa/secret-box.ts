import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const SALT = 'coalesce/two-factor';

function derive(keyMaterial: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keyMaterial, SALT, purpose, 32));
}

/**
 * Keeps two-factor secrets unreadable at rest. Two keys are derived (HKDF-SHA-256) from the
 * configured MFA_ENCRYPTION_KEY: one seals TOTP secrets with AES-256-GCM (bound to their owner
 * through the additional authenticated data, so a sealed secret copied to another row does not
 * open), the other keys the HMAC-SHA-256 under which recovery codes are stored.
 */
export class SecretBox {
  private readonly sealKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(keyMaterial: string) {
    this.sealKey = derive(keyMaterial, 'totp-secret-seal/v1');
    this.hashKey = derive(keyMaterial, 'recovery-code-hash/v1');
  }

  /** "v1.<iv>.<tag>.<ciphertext>" (base64url parts). */
  seal(plaintext: string, owner: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext; throws when the value was tampered with, sealed for another owner or key. */
  open(sealed: string, owner: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error('Not a sealed two-factor secret.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Keyed hash of a normalized recovery code (64 hex characters): a leaked table alone is useless. */
  hashRecoveryCode(normalizedCode: string, owner: string): string {
    return createHmac('sha256', this.hashKey).update(`${owner}:${normalizedCode}`).digest('hex');
  }
}
