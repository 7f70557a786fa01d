/** Minimal lib0-compatible varint / varstring encoding and decoding for the raw clients. */

export function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** Concatenates parts: numbers are varUints, strings varStrings, Uint8Arrays varUint8Arrays. */
export function encode(...parts: Array<number | string | Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (typeof part === 'number') chunks.push(Uint8Array.from(varUint(part)));
    else if (typeof part === 'string') {
      const bytes = Buffer.from(part, 'utf8');
      chunks.push(Uint8Array.from(varUint(bytes.length)), bytes);
    } else {
      chunks.push(Uint8Array.from(varUint(part.length)), part);
    }
  }
  return Buffer.concat(chunks);
}

export class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  uint(): number {
    let n = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('unexpected end of message');
      const b = this.buf[this.pos++];
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
      if (mult > 2 ** 53) throw new Error('varint too long');
    }
  }
  bytes(): Uint8Array {
    const len = this.uint();
    if (this.pos + len > this.buf.length) throw new Error('unexpected end of message');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  string(): string {
    return Buffer.from(this.bytes()).toString('utf8');
  }
}
