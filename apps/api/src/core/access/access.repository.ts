import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CoalitionRole } from '@coalesce/domain';

/** The few reads the access policy needs, straight from the membership tables. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async coalitionRole(organizationId: string, coalitionId: string): Promise<CoalitionRole | null> {
    const rows: Array<{ role: CoalitionRole }> = await this.db.query(
      'SELECT role FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
      [coalitionId, organizationId],
    );
    return rows[0]?.role ?? null;
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    return rows.length > 0;
  }
}
