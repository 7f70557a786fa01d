import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import type { DataSource } from 'typeorm';
import { ExportArchive } from './export-archive.js';
import { ExportChunkSink } from './export-chunks.js';

/** Stands in for PostgreSQL: keeps the chunk rows the sink inserts. */
function chunkTable() {
  const rows: Array<{ part: number; data: Buffer }> = [];
  const db = {
    query: async (_sql: string, params: [string, number, Buffer]) => {
      rows.push({ part: params[1], data: Buffer.from(params[2]) });
      return [];
    },
  } as unknown as DataSource;
  return { db, rows };
}

describe('ExportArchive', () => {
  it('streams a valid ZIP into chunks of at most the chunk size, in order', async () => {
    const { db, rows } = chunkTable();
    const sink = new ExportChunkSink(db, 'export-1', 4096);
    const archive = new ExportArchive(sink);
    const big = randomBytes(20_000);
    await archive.addFile('a/big.bin', big);
    await archive.addJson('a/data.json', { hello: 'world' });
    const count = await archive.addJsonArray(
      'a/list.json',
      (async function* () {
        for (let i = 0; i < 3; i++) yield { i };
      })(),
    );
    expect(count).toBe(3);
    const size = await archive.finish();

    expect(rows.map((r) => r.part)).toEqual(rows.map((_, i) => i));
    expect(rows.every((r) => r.data.byteLength <= 4096)).toBe(true);
    expect(rows.slice(0, -1).every((r) => r.data.byteLength === 4096)).toBe(true);
    const zip = Buffer.concat(rows.map((r) => r.data));
    expect(zip.byteLength).toBe(size);
    expect(sink.parts).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(4);

    const files = unzipSync(new Uint8Array(zip));
    expect(Buffer.from(files['a/big.bin']).equals(big)).toBe(true);
    expect(JSON.parse(Buffer.from(files['a/data.json']).toString())).toEqual({ hello: 'world' });
    expect(JSON.parse(Buffer.from(files['a/list.json']).toString())).toEqual([
      { i: 0 },
      { i: 1 },
      { i: 2 },
    ]);
    expect(archive.files).toEqual([
      { path: 'a/big.bin', bytes: 20_000 },
      { path: 'a/data.json', bytes: files['a/data.json'].byteLength },
      { path: 'a/list.json', bytes: files['a/list.json'].byteLength },
    ]);
  });

  it('refuses a second open entry and a duplicate path', async () => {
    const { db } = chunkTable();
    const archive = new ExportArchive(new ExportChunkSink(db, 'export-2', 4096));
    const entry = archive.open('one.txt');
    expect(() => archive.open('two.txt')).toThrow(/still open/);
    await entry.close();
    expect(() => archive.open('one.txt')).toThrow(/already has/);
  });
});
