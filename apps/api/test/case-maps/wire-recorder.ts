import { NodeWebSocket } from 'engine.io-client';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import type { SocketFactory } from '@coalesce/collab-client';
import type { Actor } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Everything one party receives: every WebSocket message of every socket it opens (from the
 * engine.io handshake on, binary and text frames alike) and every REST response (status line,
 * headers and body), as raw bytes.
 */
export class WireRecorder {
  private readonly chunks: Buffer[] = [];
  frames = 0;

  record(data: unknown): void {
    this.chunks.push(toBuffer(data));
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  get size(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0);
  }

  contains(marker: string): boolean {
    return this.bytes.includes(Buffer.from(marker, 'utf8'));
  }

  /**
   * A Socket.IO socket whose WebSocket transport hands every incoming message to the recorder
   * before engine.io decodes it (for CollabClient's `socketFactory`).
   */
  socketFactory(): SocketFactory {
    const record = (data: unknown) => {
      this.frames += 1;
      this.record(data);
    };
    class RecordingWebSocket extends NodeWebSocket {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      protected override onData(data: any): void {
        record(data);
        super.onData(data);
      }
    }
    return (url, options) => io(url, { ...options, transports: [RecordingWebSocket] });
  }

  /** A REST call as `actor`, recording the whole response. */
  async request(
    t: TestApp,
    actor: Actor,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${t.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${actor.client.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const raw = Buffer.from(await res.arrayBuffer());
    const head = [
      `HTTP ${res.status} ${res.statusText}`,
      ...[...res.headers].map(([k, v]) => `${k}: ${v}`),
    ];
    this.record(`${head.join('\r\n')}\r\n\r\n`);
    this.record(raw);
    const text = raw.toString('utf8');
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }
}

function toBuffer(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return Buffer.from(data);
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return Buffer.concat(data.map(toBuffer));
  throw new Error(`cannot record ${typeof data}`);
}

/**
 * The values carried by Yjs updates, decoded: every item's content, deleted ones included, as one
 * string (what a Y.Doc received, whatever it shows now).
 */
export function decodedContent(updates: readonly Uint8Array[]): string {
  const parts: string[] = [];
  for (const update of updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.parentSub) parts.push(struct.parentSub);
      parts.push(
        struct.content instanceof Y.ContentType
          ? '[type]'
          : JSON.stringify(struct.content.getContent()),
      );
    }
  }
  return parts.join('\n');
}
