import { MAX_UPDATE_BYTES } from '@coalesce/protocol';

/**
 * A paste whose clipboard content is this big would make one Yjs update past the engine's cap
 * (MAX_UPDATE_BYTES): refuse it in the editor with a clear message instead of a refused save.
 */
export const MAX_PASTE_BYTES = Math.floor(MAX_UPDATE_BYTES * 0.9);

/** The larger of the HTML and plain-text clipboard payloads, in UTF-8 bytes. */
export function clipboardBytes(data: Pick<DataTransfer, 'getData'> | null): number {
  if (!data) return 0;
  const encoder = new TextEncoder();
  const html = data.getData('text/html') ?? '';
  const text = data.getData('text/plain') ?? '';
  return Math.max(encoder.encode(html).length, encoder.encode(text).length);
}

export function isPasteTooLarge(data: Pick<DataTransfer, 'getData'> | null): boolean {
  return clipboardBytes(data) > MAX_PASTE_BYTES;
}
