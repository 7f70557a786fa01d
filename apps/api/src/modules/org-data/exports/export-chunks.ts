import type { DataSource } from 'typeorm';

/** Bytes per stored part of an export file. */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;

/**
 * Where an export's ZIP goes while it is written: `org_export_chunks`, one row per megabyte. The
 * file lives in PostgreSQL like everything else, so any API node can serve the download and a
 * restart loses nothing; memory holds at most about one chunk plus what is being compressed.
 */
export class ExportChunkSink {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private part = 0;
  /** Bytes received so far. */
  size = 0;

  constructor(
    private readonly db: DataSource,
    private readonly exportId: string,
    private readonly chunkBytes = EXPORT_CHUNK_BYTES,
  ) {}

  get parts(): number {
    return this.part;
  }

  push(data: Uint8Array): void {
    if (!data.byteLength) return;
    this.pending.push(data);
    this.pendingBytes += data.byteLength;
    this.size += data.byteLength;
  }

  /** Stores every full chunk received so far. */
  async drain(): Promise<void> {
    while (this.pendingBytes >= this.chunkBytes) await this.store(this.chunkBytes);
  }

  /** Stores everything, the last chunk possibly short. */
  async flush(): Promise<void> {
    await this.drain();
    if (this.pendingBytes > 0) await this.store(this.pendingBytes);
  }

  private async store(bytes: number): Promise<void> {
    const chunk = Buffer.allocUnsafe(bytes);
    let filled = 0;
    while (filled < bytes) {
      const head = this.pending[0];
      const take = Math.min(head.byteLength, bytes - filled);
      chunk.set(head.subarray(0, take), filled);
      filled += take;
      if (take === head.byteLength) this.pending.shift();
      else this.pending[0] = head.subarray(take);
    }
    this.pendingBytes -= bytes;
    await this.db.query(
      'INSERT INTO org_export_chunks (export_id, part, data) VALUES ($1, $2, $3)',
      [this.exportId, this.part, chunk],
    );
    this.part += 1;
  }
}

/** The stored parts of an export file, read one at a time (for the download). */
export async function* readExportChunks(
  db: DataSource,
  exportId: string,
  parts: number,
): AsyncGenerator<Buffer> {
  for (let part = 0; part < parts; part++) {
    const rows: Array<{ data: Buffer }> = await db.query(
      'SELECT data FROM org_export_chunks WHERE export_id = $1 AND part = $2',
      [exportId, part],
    );
    if (!rows.length) throw new Error(`Part ${part} of export ${exportId} is missing`);
    yield rows[0].data;
  }
}
