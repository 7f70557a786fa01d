import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case maps (issue 5): each organization's private layer of a map (a document of kind
 * `case-map-layer`), the organizations a layer's owner lets read it, requests for access to a
 * restricted node, and the two notification kinds of those requests.
 */
const CASE_MAP_KINDS = ['map-access-request', 'map-access-resolved'] as const;

export class CaseMaps1765200000000 implements MigrationInterface {
  name = 'CaseMaps1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_map_layers (
        doc_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        map_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (map_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE case_map_layer_grants (
        layer_id uuid NOT NULL REFERENCES case_map_layers(doc_id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        granted_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (layer_id, organization_id)
      )`);
    await q.query(
      `CREATE INDEX case_map_layer_grants_org_idx ON case_map_layer_grants (organization_id)`,
    );
    await q.query(`
      CREATE TABLE case_map_access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        map_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        node_id varchar(64) NOT NULL,
        node_type varchar(20) NOT NULL,
        owner_org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        requesting_org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        message varchar(500) NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'granted-layer', 'shared-node', 'declined')),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        CHECK (owner_org_id <> requesting_org_id)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX case_map_access_requests_pending_idx
        ON case_map_access_requests (map_id, node_id, requesting_org_id) WHERE status = 'pending'`);
    await q.query(
      `CREATE INDEX case_map_access_requests_map_idx ON case_map_access_requests (map_id, created_at DESC)`,
    );
    await this.setKinds(q, (kinds) => [...new Set([...kinds, ...CASE_MAP_KINDS])]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = ANY($1)`, [[...CASE_MAP_KINDS]]);
    await this.setKinds(q, (kinds) =>
      kinds.filter((k) => !(CASE_MAP_KINDS as readonly string[]).includes(k)),
    );
    await q.query(`DROP TABLE case_map_access_requests`);
    await q.query(`DROP TABLE case_map_layer_grants`);
    await q.query(`DROP TABLE case_map_layers`);
  }

  /**
   * Rewrites the notification kind check from the kinds it allows now, so features that add kinds
   * in their own migrations do not undo each other whatever order they run in.
   */
  private async setKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
    const rows: Array<{ def: string }> = await q.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conname = 'notifications_kind_check' AND conrelid = 'notifications'::regclass`,
    );
    const current = [...(rows[0]?.def ?? '').matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
    const kinds = change(current);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        ${kinds.map((k) => `'${k}'`).join(', ')}))`);
  }
}
