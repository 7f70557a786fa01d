import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { collectedState } from './collected-state.js';
import { DocClients } from './doc-clients.js';
import { DocStore } from './doc-store.js';
import { mergeLog } from './merge-updates.js';
import { UpdateCommitter } from './update-committer.js';

/** Changes a document in place; returns true when it changed something. */
export type DocTransform = (doc: Y.Doc) => boolean;

export interface ScrubbingEditResult {
  /** A forward update was committed (and broadcast to open editors). */
  edited: boolean;
  /** Stored versions that the transform changed (all versions are re-encoded without deleted content). */
  versions: number;
}

/**
 * Server-made edits that must leave no copy of what they remove (placeholders for an organization
 * that left, an erasure):
 *
 * 1. the edit is committed as a forward update by a fresh Yjs client of nobody, like a version
 *    restore: open editors receive it live and merge it like any change;
 * 2. the stored log is then folded into a garbage-collected snapshot (`scrub`): a Yjs update keeps
 *    the content of deleted items until a document with GC re-encodes it, so without this the
 *    removed text would still sit in the snapshot, the update rows, and what `doc:open` sends;
 * 3. stored versions (named and checkpoints) get the same transform and are re-encoded the same way.
 *
 * GC keeps every item's id and clock, so clients holding the old items stay in sync.
 */
@Injectable()
export class ScrubbingEdits {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    private readonly committer: UpdateCommitter,
    private readonly clients: DocClients,
  ) {}

  async apply(docId: string, transform: DocTransform): Promise<ScrubbingEditResult> {
    const { state } = await this.store.load(docId);
    const doc = loadDoc(state);
    const before = Y.encodeStateVector(doc);
    const edited = transform(doc);
    if (edited) {
      await this.committer.commit({
        docId,
        update: Y.encodeStateAsUpdate(doc, before),
        updateId: `placeholders-${randomUUID()}`,
        userId: null,
      });
    }
    doc.destroy();
    await this.scrub(docId);
    const versions = await this.rewriteVersions(docId, transform);
    return { edited, versions };
  }

  /** Folds the whole update log into a snapshot re-encoded with GC, so deleted content is gone. */
  async scrub(docId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const snapshot: Array<{ state: Buffer; upto_seq: string }> = await m.query(
        'SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1 FOR UPDATE',
        [docId],
      );
      if (!snapshot.length) return;
      const upto = Number(snapshot[0].upto_seq);
      const rows: Array<{
        seq: string;
        update: Buffer;
        user_id: string | null;
        update_id: string;
      }> = await m.query(
        'SELECT seq, update, user_id, update_id FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
        [docId, upto],
      );
      const updates = rows.map((r) => new Uint8Array(r.update));
      await this.clients.record(
        m,
        docId,
        rows.map((r, i) => ({ ...r, update: updates[i] })),
      );
      const state = collectedState(mergeLog(new Uint8Array(snapshot[0].state), updates));
      const last = rows.length ? Number(rows[rows.length - 1].seq) : upto;
      await m.query(
        'UPDATE doc_snapshots SET state = $2, upto_seq = $3, state_vector = $4, compacted_at = now() WHERE doc_id = $1',
        [docId, Buffer.from(state), last, Buffer.from(Y.encodeStateVectorFromUpdate(state))],
      );
      if (rows.length) {
        await m.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq > $2 AND seq <= $3', [
          docId,
          upto,
          last,
        ]);
        const bytes = updates.reduce((n, u) => n + u.byteLength, 0);
        await m.query(
          'UPDATE doc_heads SET pending_count = GREATEST(pending_count - $2, 0), pending_bytes = GREATEST(pending_bytes - $3, 0) WHERE doc_id = $1',
          [docId, rows.length, bytes],
        );
      }
    });
    // This node's cached state still holds the removed content; the next load reads the snapshot.
    this.store.cache.delete(docId);
  }

  private async rewriteVersions(docId: string, transform: DocTransform): Promise<number> {
    const ids: Array<{ id: string }> = await this.db.query(
      'SELECT id FROM doc_versions WHERE doc_id = $1 ORDER BY created_at',
      [docId],
    );
    let rewritten = 0;
    for (const { id } of ids) {
      const rows: Array<{ state: Buffer }> = await this.db.query(
        'SELECT state FROM doc_versions WHERE id = $1',
        [id],
      );
      if (!rows.length) continue;
      const stored = new Uint8Array(rows[0].state);
      const doc = loadDoc(stored);
      const changed = transform(doc);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      // Unchanged versions are rewritten too when they still carried deleted content.
      if (!changed && state.byteLength >= stored.byteLength) continue;
      if (changed) rewritten += 1;
      await this.db.query('UPDATE doc_versions SET state = $2 WHERE id = $1', [
        id,
        Buffer.from(state),
      ]);
    }
    return rewritten;
  }
}

/** A document with GC on and a client id that is not already in its history. */
function loadDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  while (doc.store.clients.has(doc.clientID)) doc.clientID = Math.floor(Math.random() * 2 ** 32);
  return doc;
}
