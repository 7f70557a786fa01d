import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data ownership: who wrote what in a co-edited document (the Yjs client ids of each user, kept
 * when compaction folds the update rows that carried them), organization exports (the job and its
 * ZIP file in chunks), contribution replacements queued when an organization leaves a coalition
 * with placeholders, and organization erasures.
 *
 * No backfill is needed for doc_clients: update rows still stored when this runs are read when
 * compaction folds them, or directly when a replacement needs them. Updates folded before this
 * migration carried no record of their authors.
 */
export class DataOwnership1765300000000 implements MigrationInterface {
  name = 'DataOwnership1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE doc_clients (
        doc_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        client_id bigint NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (doc_id, client_id, user_id)
      )`);
    await q.query(`CREATE INDEX doc_clients_org_idx ON doc_clients (organization_id, doc_id)`);
    await q.query(`
      CREATE TABLE org_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        step varchar(200),
        error text,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        completed_at timestamptz,
        expires_at timestamptz,
        file_name varchar(200),
        file_size bigint,
        chunk_count integer
      )`);
    await q.query(
      `CREATE INDEX org_exports_org_idx ON org_exports (organization_id, created_at DESC)`,
    );
    // One export at a time per organization; a second request while one runs is refused (409).
    await q.query(
      `CREATE UNIQUE INDEX org_exports_one_active_idx ON org_exports (organization_id) WHERE status IN ('queued', 'running')`,
    );
    await q.query(`
      CREATE TABLE org_export_chunks (
        export_id uuid NOT NULL REFERENCES org_exports(id) ON DELETE CASCADE,
        part integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (export_id, part)
      )`);
    await q.query(`
      CREATE TABLE contribution_removals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        placeholder varchar(300) NOT NULL,
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        result jsonb,
        error text
      )`);
    await q.query(
      `CREATE INDEX contribution_removals_pending_idx ON contribution_removals (created_at) WHERE completed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE org_erasures (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        result jsonb,
        error text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_erasures`);
    await q.query(`DROP TABLE contribution_removals`);
    await q.query(`DROP TABLE org_export_chunks`);
    await q.query(`DROP TABLE org_exports`);
    await q.query(`DROP TABLE doc_clients`);
  }
}
