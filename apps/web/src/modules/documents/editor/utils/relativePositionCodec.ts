import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';

/** Y.RelativePosition -> base64 string (the comment anchor format of the REST contract). */
export function encodeRelativePosition(position: Y.RelativePosition): string {
  return bytesToBase64(Y.encodeRelativePosition(position));
}

/** The reverse; null for anything that is not a valid encoding (never throws). */
export function decodeRelativePosition(text: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(base64ToBytes(text));
  } catch {
    return null;
  }
}
