import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-edited documents and the collaboration engine's storage: the update log (doc_updates), one
 * snapshot per document (doc_snapshots), the per-document head row (doc_heads) that hands out seqs,
 * and versions (doc_versions).
 */
export class Collaboration1764400000000 implements MigrationInterface {
  name = 'Collaboration1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        owner_org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        working_group_id uuid REFERENCES working_groups(id) ON DELETE SET NULL,
        kind varchar(20) NOT NULL,
        title varchar(200) NOT NULL,
        is_private boolean NOT NULL DEFAULT false,
        coalition_permission varchar(8) CHECK (coalition_permission IN ('edit', 'comment', 'view')),
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX documents_coalition_idx ON documents (coalition_id, updated_at DESC)`,
    );
    await q.query(`
      CREATE TABLE document_shares (
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        permission varchar(8) NOT NULL CHECK (permission IN ('edit', 'comment', 'view')),
        PRIMARY KEY (document_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE doc_heads (
        doc_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        head_seq bigint NOT NULL DEFAULT 0,
        pending_count integer NOT NULL DEFAULT 0,
        pending_bytes bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX doc_heads_pending_idx ON doc_heads (pending_count DESC)`);
    await q.query(`
      CREATE TABLE doc_snapshots (
        doc_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        state bytea NOT NULL,
        upto_seq bigint NOT NULL DEFAULT 0,
        compacted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE doc_updates (
        doc_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        update bytea NOT NULL,
        update_id varchar(64) NOT NULL UNIQUE,
        user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (doc_id, seq)
      )`);
    await q.query(`
      CREATE TABLE doc_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        doc_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('named', 'checkpoint')),
        name varchar(120),
        state bytea NOT NULL,
        seq bigint NOT NULL,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX doc_versions_doc_idx ON doc_versions (doc_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE doc_versions`);
    await q.query(`DROP TABLE doc_updates`);
    await q.query(`DROP TABLE doc_snapshots`);
    await q.query(`DROP TABLE doc_heads`);
    await q.query(`DROP TABLE document_shares`);
    await q.query(`DROP TABLE documents`);
  }
}
