/**
 * Minimal reader/writer of the y-protocols awareness encoding (varuint count, then per client:
 * varuint clientID, varuint clock, varstring JSON state). Test support only.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state; "null" when the client left. */
  state: string;
}

function readVarUint(bytes: Uint8Array, pos: { at: number }): number {
  let num = 0;
  let mult = 1;
  for (;;) {
    if (pos.at >= bytes.length) throw new RangeError('Truncated awareness update.');
    const byte = bytes[pos.at++];
    num += (byte & 0x7f) * mult;
    if (byte < 0x80) return num;
    mult *= 128;
  }
}

function writeVarUint(out: number[], value: number): void {
  let num = value;
  while (num > 0x7f) {
    out.push(0x80 | (num % 128));
    num = Math.floor(num / 128);
  }
  out.push(num);
}

export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const pos = { at: 0 };
  const count = readVarUint(update, pos);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(update, pos);
    const clock = readVarUint(update, pos);
    const length = readVarUint(update, pos);
    if (pos.at + length > update.length) throw new RangeError('Truncated awareness update.');
    const state = new TextDecoder().decode(update.subarray(pos.at, pos.at + length));
    pos.at += length;
    entries.push({ clientId, clock, state });
  }
  return entries;
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, entries.length);
  for (const entry of entries) {
    writeVarUint(out, entry.clientId);
    writeVarUint(out, entry.clock);
    const text = new TextEncoder().encode(entry.state);
    writeVarUint(out, text.length);
    out.push(...text);
  }
  return Uint8Array.from(out);
}
