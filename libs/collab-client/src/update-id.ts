/**
 * A fresh id for an outbox entry. The server keeps it unique per document, so resending an entry
 * after a reconnect is a no-op. Uses `crypto.randomUUID` where available (secure contexts, Node),
 * otherwise 32 random hex characters.
 */
export function createUpdateId(): string {
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') {
    cryptoApi.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
