/**
 * Update markers. Every update a sender produces inserts one marker string into a Y.Text:
 * `@@<sender>:<seq>:<sendUs>!` (ASCII only). Yjs writes the inserted string contiguously into
 * the update bytes (and into merged updates), so a receiver finds it with Buffer.indexOf without
 * decoding the update, and computes the latency from the embedded send time (monotonic µs,
 * comparable across processes).
 */
const PREFIX = Buffer.from('@@');
const COLON = 0x3a;
const BANG = 0x21;

export function makeMarker(sender: number, seq: number, sendUs: number): string {
  return `@@${sender}:${seq}:${sendUs}!`;
}

/** Unique key of an update: sender and sequence number. */
export const updateKey = (sender: number, seq: number) => sender * 1e7 + seq;

export type MarkerVisitor = (sender: number, seq: number, sendUs: number) => void;

function readNumber(buf: Buffer, pos: number, end: number): [number, number] {
  let v = 0;
  let p = pos;
  while (p < buf.length) {
    const c = buf[p];
    if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      p++;
    } else break;
  }
  if (p === pos || p >= buf.length || buf[p] !== end) return [-1, p];
  return [v, p + 1];
}

/** Calls visit for every well-formed marker in the bytes; returns how many were found. */
export function scanMarkers(bytes: Uint8Array, visit: MarkerVisitor): number {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found = 0;
  let pos = 0;
  for (;;) {
    const i = buf.indexOf(PREFIX, pos);
    if (i < 0) return found;
    const [sender, p1] = readNumber(buf, i + 2, COLON);
    if (sender < 0) {
      pos = i + 1;
      continue;
    }
    const [seq, p2] = readNumber(buf, p1, COLON);
    if (seq < 0) {
      pos = i + 1;
      continue;
    }
    const [sendUs, p3] = readNumber(buf, p2, BANG);
    if (sendUs < 0) {
      pos = i + 1;
      continue;
    }
    visit(sender, seq, sendUs);
    found++;
    pos = p3;
  }
}
