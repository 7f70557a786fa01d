import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is append-only: TRUNCATE is refused too (UPDATE and DELETE already are). */
export class AuditLogNoTruncate1764500000000 implements MigrationInterface {
  name = 'AuditLogNoTruncate1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
  }
}
