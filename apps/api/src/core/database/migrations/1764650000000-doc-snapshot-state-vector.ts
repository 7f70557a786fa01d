import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * doc_snapshots.state_vector: the Yjs state vector of `state`, written with it (document creation,
 * compaction), so opening a document after a restart does not have to decode the whole snapshot to
 * answer with the server's state vector. NULL (older rows) means "compute it from the state".
 */
export class DocSnapshotStateVector1764650000000 implements MigrationInterface {
  name = 'DocSnapshotStateVector1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE doc_snapshots ADD COLUMN state_vector bytea');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE doc_snapshots DROP COLUMN state_vector');
  }
}
