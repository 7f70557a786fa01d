import type { CollabError } from '@coalesce/protocol';
import type { Listener } from './emitter.js';
import { CollabClientError } from './errors.js';
import type { DocStatus } from './types.js';

export interface StatusSource {
  readonly status: DocStatus;
  readonly lastError: CollabError | null;
  on(event: 'status', listener: Listener<DocStatus>): () => void;
}

/** Resolves when `source` is (or next becomes) `synced`; rejects on `error` or `closed`. */
export function waitForSynced(source: StatusSource): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (status: DocStatus): boolean => {
      if (status === 'synced') resolve();
      else if (status === 'error') {
        const error = source.lastError;
        reject(error ? CollabClientError.from(error) : new CollabClientError('INTERNAL', 'Error.'));
      } else if (status === 'closed') {
        reject(new CollabClientError('UNAVAILABLE', 'The handle is closed.'));
      } else return false;
      return true;
    };
    if (settle(source.status)) return;
    const off = source.on('status', (status) => {
      if (settle(status)) off();
    });
  });
}
