import { toUint8Array, tryUint8Array } from './binary.js';

describe('toUint8Array', () => {
  it('normalizes ArrayBuffer, views and Buffers to a plain Uint8Array', () => {
    const bytes = Uint8Array.from([1, 2, 3]);
    expect(toUint8Array(bytes)).toBe(bytes);
    expect(Array.from(toUint8Array(bytes.buffer))).toEqual([1, 2, 3]);
    const view = new DataView(bytes.buffer, 1, 2);
    expect(Array.from(toUint8Array(view))).toEqual([2, 3]);
    const buffer = Buffer.from([4, 5]);
    const normalized = toUint8Array(buffer);
    expect(normalized.constructor).toBe(Uint8Array);
    expect(Array.from(normalized)).toEqual([4, 5]);
  });

  it('refuses anything else', () => {
    expect(() => toUint8Array('AQID')).toThrow(TypeError);
    expect(tryUint8Array({})).toBeNull();
  });
});
