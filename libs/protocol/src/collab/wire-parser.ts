import { Emitter } from '@socket.io/component-emitter';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';

/**
 * Socket.IO parser of the /collab connection (server and every client pass it as `parser`).
 *
 * Socket.IO's default parser sends a packet that carries binary as a JSON header frame followed by
 * one WebSocket frame per attachment: a broadcast update costs two frames (two writes) per
 * receiver. This parser sends the same buffer sequence packed into ONE binary frame:
 *
 *   0x01 | varuint headerBytes | header (UTF-8, Socket.IO's own string encoding, placeholders for
 *   the attachments) | for each attachment: varuint bytes | bytes
 *
 * Binary stays binary (never base64). Packets without binary are Socket.IO's plain text frames.
 * Decoding replays the header and the attachments into Socket.IO's own decoder, so every check of
 * the default parser applies (packet types, namespaces, payload shapes, attachment count and
 * placeholders); a malformed frame throws, and Socket.IO closes that connection.
 */
const FRAME_VERSION = 0x01;

// Globals of every runtime we target (browsers, Node); declared here because this library is
// compiled without the DOM and Node type libraries.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function varuintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size += 1;
  }
  return size;
}

function writeVaruint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 0x80);
  }
  out[at++] = n;
  return at;
}

function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('Only Uint8Array / ArrayBuffer attachments are supported.');
}

/** Packs a Socket.IO buffer sequence (header string + attachments) into one binary frame. */
export function packFrame(header: string, attachments: unknown[]): Uint8Array {
  const headerBytes = utf8Encoder.encode(header);
  const parts = attachments.map(asBytes);
  let size = 1 + varuintSize(headerBytes.length) + headerBytes.length;
  for (const part of parts) size += varuintSize(part.byteLength) + part.byteLength;
  const frame = new Uint8Array(size);
  frame[0] = FRAME_VERSION;
  let at = writeVaruint(frame, 1, headerBytes.length);
  frame.set(headerBytes, at);
  at += headerBytes.length;
  for (const part of parts) {
    at = writeVaruint(frame, at, part.byteLength);
    frame.set(part, at);
    at += part.byteLength;
  }
  return frame;
}

/**
 * Splits a frame into its header and attachment views (no copy: on Node a Buffer frame gives
 * Buffer views). Throws on anything that is not exactly one well-formed frame.
 */
export function unpackFrame(
  frame: Uint8Array | ArrayBuffer,
  maxAttachments: number,
): { header: string; attachments: Uint8Array[] } {
  const bytes = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (bytes.byteLength < 2 || bytes[0] !== FRAME_VERSION) throw new Error('unknown binary frame');
  let at = 1;
  const readLength = (): number => {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      if (at >= bytes.byteLength) throw new Error('truncated binary frame');
      const byte = bytes[at++];
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (n > bytes.byteLength - at) throw new Error('truncated binary frame');
        return n;
      }
      scale *= 0x80;
    }
    throw new Error('bad length in binary frame');
  };
  const headerLength = readLength();
  const header = utf8Decoder.decode(bytes.subarray(at, at + headerLength));
  at += headerLength;
  const attachments: Uint8Array[] = [];
  while (at < bytes.byteLength) {
    if (attachments.length >= maxAttachments) throw new Error('too many attachments');
    const length = readLength();
    attachments.push(bytes.subarray(at, at + length));
    at += length;
  }
  return { header, attachments };
}

const MAX_ATTACHMENTS = 10;

export class CollabWireEncoder {
  private readonly inner = new Encoder();

  encode(packet: Packet): Array<string | Uint8Array> {
    const [header, ...attachments] = this.inner.encode(packet) as [string, ...unknown[]];
    return attachments.length ? [packFrame(header, attachments)] : [header];
  }
}

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Emitter's own type parameters
export class CollabWireDecoder extends Emitter<{}, {}, DecoderEvents> {
  private inner = new Decoder({ maxAttachments: MAX_ATTACHMENTS });
  private decoded: Packet[] = [];

  constructor() {
    super();
    this.listen();
  }

  private listen(): void {
    this.inner.on('decoded', (packet: Packet) => this.decoded.push(packet));
  }

  add(chunk: unknown): void {
    this.decoded = [];
    if (typeof chunk === 'string') {
      // Binary packets travel only as one binary frame: a multi-frame header is refused.
      const type = Number(chunk.charAt(0));
      if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK)
        throw new Error('binary packets must be sent as one binary frame');
      this.inner.add(chunk);
    } else if (chunk instanceof Uint8Array || chunk instanceof ArrayBuffer) {
      const { header, attachments } = unpackFrame(chunk, MAX_ATTACHMENTS);
      const type = Number(header.charAt(0));
      if (type !== PacketType.BINARY_EVENT && type !== PacketType.BINARY_ACK)
        throw new Error('a binary frame must carry a binary packet');
      try {
        this.inner.add(header);
        for (const attachment of attachments) this.inner.add(attachment);
        if (this.decoded.length !== 1) throw new Error('attachment count mismatch');
      } catch (error) {
        this.reset();
        throw error;
      }
    } else {
      throw new Error('unknown frame type');
    }
    const [packet] = this.decoded;
    this.decoded = [];
    if (packet) this.emitReserved('decoded', packet);
  }

  destroy(): void {
    this.reset();
  }

  /** Drops a half-reconstructed packet (after a malformed frame). */
  private reset(): void {
    this.inner.destroy();
    this.inner.off();
    this.inner = new Decoder({ maxAttachments: MAX_ATTACHMENTS });
    this.decoded = [];
    this.listen();
  }
}

/** Pass as `parser` to the Socket.IO server and to every `io()` client of /collab. */
export const collabWireParser = { Encoder: CollabWireEncoder, Decoder: CollabWireDecoder };
