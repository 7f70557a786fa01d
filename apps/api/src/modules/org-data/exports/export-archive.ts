import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ExportChunkSink } from './export-chunks.js';

/** A file of the archive being written: write it in pieces, then close it. */
export interface ArchiveEntry {
  write(data: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A ZIP written entry after entry, straight into the chunk sink: each piece is deflated as it comes
 * (fflate's streaming Zip) and full chunks are stored before the next piece is taken, so an export
 * never holds more than the piece at hand and about one chunk. One entry is open at a time.
 */
export class ExportArchive {
  private readonly zip: Zip;
  private error: Error | null = null;
  private ended = false;
  private open_: string | null = null;
  /** Every file written so far with its uncompressed size (for the manifest). */
  readonly files: Array<{ path: string; bytes: number }> = [];

  constructor(
    private readonly sink: ExportChunkSink,
    private readonly mtime = new Date(),
  ) {
    this.zip = new Zip((err, data, final) => {
      if (err) this.error = err;
      else this.sink.push(data);
      if (final) this.ended = true;
    });
  }

  async addFile(path: string, data: Uint8Array | string): Promise<void> {
    const entry = this.open(path);
    await entry.write(data);
    await entry.close();
  }

  async addJson(path: string, value: unknown): Promise<void> {
    await this.addFile(path, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** A JSON array written item by item (for sections that page through many rows). */
  async addJsonArray(path: string, items: AsyncIterable<unknown>): Promise<number> {
    const entry = this.open(path);
    let count = 0;
    await entry.write('[');
    for await (const item of items) {
      await entry.write(`${count ? ',' : ''}\n  ${JSON.stringify(item)}`);
      count += 1;
    }
    await entry.write(count ? '\n]\n' : ']\n');
    await entry.close();
    return count;
  }

  open(path: string): ArchiveEntry {
    if (this.open_) throw new Error(`${this.open_} is still open; close it before ${path}`);
    if (this.files.some((f) => f.path === path)) throw new Error(`The archive already has ${path}`);
    this.open_ = path;
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = this.mtime;
    this.zip.add(file);
    const record = { path, bytes: 0 };
    this.files.push(record);
    let closed = false;
    return {
      write: async (data) => {
        if (closed) throw new Error(`${path} is closed`);
        const bytes = typeof data === 'string' ? strToU8(data) : data;
        if (!bytes.byteLength) return;
        record.bytes += bytes.byteLength;
        file.push(bytes, false);
        await this.settle();
      },
      close: async () => {
        if (closed) return;
        closed = true;
        file.push(new Uint8Array(0), true);
        this.open_ = null;
        await this.settle();
      },
    };
  }

  /** Writes the central directory and stores the last chunk; returns the file size in bytes. */
  async finish(): Promise<number> {
    if (this.open_) throw new Error(`${this.open_} is still open`);
    this.zip.end();
    this.check();
    if (!this.ended) throw new Error('The archive did not end');
    await this.sink.flush();
    return this.sink.size;
  }

  private async settle(): Promise<void> {
    this.check();
    await this.sink.drain();
  }

  private check(): void {
    if (this.error) throw this.error;
  }
}
