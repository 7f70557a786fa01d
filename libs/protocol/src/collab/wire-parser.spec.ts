import { describe, expect, it } from '@jest/globals';
import { Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';
import { CollabWireDecoder, CollabWireEncoder, packFrame } from './wire-parser.js';

function decodeAll(chunks: Array<string | Uint8Array>): Packet[] {
  const decoder = new CollabWireDecoder();
  const out: Packet[] = [];
  decoder.on('decoded', (p) => out.push(p));
  for (const chunk of chunks) decoder.add(chunk);
  return out;
}

const update = Uint8Array.from([1, 1, 42, 0, 4, 1, 1, 116, 1, 120, 0]);

describe('collab wire parser', () => {
  it('sends a packet with binary as ONE binary frame and decodes it back as binary', () => {
    const packet: Packet = {
      type: PacketType.EVENT,
      nsp: '/collab',
      id: 7,
      data: ['doc:update', { docId: 'd', update, seq: 3, nested: [{ sv: Uint8Array.of(9) }] }],
    };
    const frames = new CollabWireEncoder().encode(packet);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBeInstanceOf(Uint8Array);
    const [decoded] = decodeAll([Buffer.from(frames[0] as Uint8Array)]);
    expect(decoded.type).toBe(PacketType.EVENT);
    expect(decoded.nsp).toBe('/collab');
    expect(decoded.id).toBe(7);
    const payload = decoded.data[1];
    expect(Array.from(payload.update as Uint8Array)).toEqual(Array.from(update));
    expect(payload.update).toBeInstanceOf(Uint8Array);
    expect(Array.from(payload.nested[0].sv as Uint8Array)).toEqual([9]);
    expect(payload.seq).toBe(3);
  });

  it('decodes an ArrayBuffer frame (browsers) and binary acks', () => {
    const frames = new CollabWireEncoder().encode({
      type: PacketType.ACK,
      nsp: '/collab',
      id: 1,
      data: [{ ok: true, update: update.buffer.slice(0) }],
    });
    const bytes = frames[0] as Uint8Array;
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const [decoded] = decodeAll([ab as unknown as Uint8Array]);
    expect(decoded.type).toBe(PacketType.ACK);
    expect(Array.from(decoded.data[0].update as Uint8Array)).toEqual(Array.from(update));
  });

  it('keeps packets without binary as Socket.IO text frames', () => {
    const packet: Packet = { type: PacketType.EVENT, nsp: '/collab', data: ['x', { a: 'é' }] };
    const frames = new CollabWireEncoder().encode(packet);
    expect(frames).toEqual(new Encoder().encode(packet));
    expect(decodeAll(frames)[0].data).toEqual(['x', { a: 'é' }]);
  });

  it('refuses the multi-frame binary form and malformed frames, and stays usable after', () => {
    const decoder = new CollabWireDecoder();
    const out: Packet[] = [];
    decoder.on('decoded', (p) => out.push(p));
    const legacy = new Encoder().encode({
      type: PacketType.EVENT,
      nsp: '/collab',
      data: ['doc:update', { update }],
    });
    expect(() => decoder.add(legacy[0])).toThrow();
    const bad: Array<Uint8Array | string> = [
      new Uint8Array(0),
      Uint8Array.of(2, 0),
      Uint8Array.of(1, 200),
      Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
      packFrame('2/collab,["x",{"_placeholder":true,"num":0}]', [update]),
      packFrame('51-/collab,["x",{"_placeholder":true,"num":0}]', []),
      packFrame('51-/collab,["x",{"_placeholder":true,"num":0}]', [update, update]),
      packFrame('51-/collab,["x",{"_placeholder":true,"num":5}]', [update]),
      packFrame('511-/collab,["x"]', [update]),
      packFrame('51-/collab,not json', [update]),
      packFrame('51-/collab,["connect"]', [update]),
      Uint8Array.of(1, 2, 0xc3, 0x28),
      'not a packet',
    ];
    for (const frame of bad) expect(() => decoder.add(frame)).toThrow();
    // A random byte storm never escapes as anything but an Error.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const frame = packFrame('51-/collab,["doc:update",{"_placeholder":true,"num":0}]', [update]);
      frame[Math.floor(random() * frame.length)] = Math.floor(random() * 256);
      try {
        decoder.add(frame.slice(0, Math.floor(random() * (frame.length + 1))));
      } catch (error) {
        // (TextDecoder's TypeError comes from another realm under Jest: no instanceof here.)
        expect(typeof (error as Error).message).toBe('string');
      }
    }
    out.length = 0;
    decoder.add(
      new CollabWireEncoder().encode({
        type: PacketType.EVENT,
        nsp: '/collab',
        data: ['doc:update', { update }],
      })[0],
    );
    expect(out).toHaveLength(1);
    expect(Array.from(out[0].data[1].update as Uint8Array)).toEqual(Array.from(update));
  });
});
