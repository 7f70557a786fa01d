/**
 * Socket.IO delivers binary as a Buffer on Node and as an ArrayBuffer in browsers. Everything that
 * enters the client goes through `toUint8Array` so Yjs always sees a plain Uint8Array.
 */
export function toUint8Array(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) {
    // A Node Buffer is a Uint8Array subclass; a plain view avoids its different slice() semantics.
    return value.constructor === Uint8Array
      ? value
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  throw new TypeError('Expected binary data (Uint8Array or ArrayBuffer).');
}

/** Like `toUint8Array`, but returns null instead of throwing. */
export function tryUint8Array(value: unknown): Uint8Array | null {
  try {
    return toUint8Array(value);
  } catch {
    return null;
  }
}
