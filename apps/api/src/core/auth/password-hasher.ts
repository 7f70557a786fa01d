import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane), in WebAssembly
 * (hash-wasm): no native binary to mismatch the machine. Hashes are PHC strings
 * (`$argon2id$v=19$m=19456,t=2,p=1$...`), compatible with other argon2 libraries.
 */
const PARAMS = { memorySize: 19456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2id({ ...PARAMS, password, salt: randomBytes(16), outputType: 'encoded' });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2Verify({ password, hash });
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('unused-password-for-timing');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
