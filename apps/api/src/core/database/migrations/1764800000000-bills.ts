import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bill tracker: bills of a coalition (Open States model; sponsorships, versions, votes and
 * sources as jsonb), their append-only actions, each organization's position, followers, meetings
 * with legislators' offices (attending orgs, bills, private notes per org) and calendar events.
 */
export class Bills1764800000000 implements MigrationInterface {
  name = 'Bills1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        jurisdiction varchar(80) NOT NULL,
        session varchar(40) NOT NULL,
        identifier varchar(40) NOT NULL,
        type varchar(30) NOT NULL DEFAULT 'bill',
        origin_chamber varchar(12) NOT NULL CHECK (origin_chamber IN ('lower', 'upper', 'legislature')),
        title text NOT NULL,
        short_titles jsonb NOT NULL DEFAULT '[]',
        subjects jsonb NOT NULL DEFAULT '[]',
        introduced_at date,
        session_ended boolean NOT NULL DEFAULT false,
        session_end_date date,
        external_ids jsonb NOT NULL DEFAULT '{}',
        sources jsonb NOT NULL DEFAULT '[]',
        sponsorships jsonb NOT NULL DEFAULT '[]',
        versions jsonb NOT NULL DEFAULT '[]',
        votes jsonb NOT NULL DEFAULT '[]',
        stage varchar(20) NOT NULL DEFAULT 'introduced',
        stage_dates jsonb NOT NULL DEFAULT '{}',
        last_action_date date,
        watched boolean NOT NULL DEFAULT false,
        priority varchar(10),
        tags jsonb NOT NULL DEFAULT '[]',
        lead_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        created_by_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (coalition_id, jurisdiction, session, identifier)
      )`);
    await q.query(
      `CREATE INDEX bills_coalition_idx ON bills (coalition_id, last_action_date DESC)`,
    );
    await q.query(`
      CREATE TABLE bill_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bill_id uuid NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        date date NOT NULL,
        actor varchar(12),
        actor_name varchar(200),
        text text NOT NULL,
        classifications jsonb NOT NULL DEFAULT '[]',
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bill_id, seq)
      )`);
    await q.query(`
      CREATE FUNCTION bill_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'bill_actions is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER bill_actions_append_only BEFORE UPDATE ON bill_actions
      FOR EACH ROW EXECUTE FUNCTION bill_actions_append_only()`);
    await q.query(`
      CREATE TABLE bill_positions (
        bill_id uuid NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        stance varchar(20) NOT NULL,
        rationale text,
        decided_by varchar(200),
        decided_at date,
        decided_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bill_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE bill_followers (
        bill_id uuid NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bill_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE bill_documents (
        bill_id uuid NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        linked_by_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bill_id, document_id)
      )`);
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        office varchar(200) NOT NULL,
        office_key varchar(200) NOT NULL,
        legislator varchar(200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        attendees jsonb NOT NULL DEFAULT '[]',
        ask text,
        notes text,
        follow_ups jsonb NOT NULL DEFAULT '[]',
        created_by_org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX meetings_office_idx ON meetings (coalition_id, office_key, starts_at)`,
    );
    await q.query(`
      CREATE TABLE meeting_organizations (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_bills (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        bill_id uuid NOT NULL REFERENCES bills(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, bill_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_private_notes (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        notes text NOT NULL,
        PRIMARY KEY (meeting_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE calendar_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL,
        title varchar(300) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        location varchar(300),
        bill_id uuid REFERENCES bills(id) ON DELETE SET NULL,
        notes text,
        created_by_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX calendar_events_idx ON calendar_events (coalition_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_events`);
    await q.query(`DROP TABLE meeting_private_notes`);
    await q.query(`DROP TABLE meeting_bills`);
    await q.query(`DROP TABLE meeting_organizations`);
    await q.query(`DROP TABLE meetings`);
    await q.query(`DROP TABLE bill_documents`);
    await q.query(`DROP TABLE bill_followers`);
    await q.query(`DROP TABLE bill_positions`);
    await q.query(`DROP TABLE bill_actions`);
    await q.query(`DROP FUNCTION bill_actions_append_only() CASCADE`);
    await q.query(`DROP TABLE bills`);
  }
}
