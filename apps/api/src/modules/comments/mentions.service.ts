import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Mention, MentionablesDto } from '@coalesce/protocol';
import { AppError } from '../../core/errors/app-error.js';

export interface ResolvedMentions {
  /** The mentions with their names, as stored on the comment. */
  mentions: Array<Mention & { name: string }>;
  /** Active users reached: mentioned directly or through their organization. */
  userIds: string[];
}

/**
 * Who can be mentioned in a coalition: active people of its member organizations and the member
 * organizations themselves. Anything else is a 400 on the mention's field.
 */
@Injectable()
export class MentionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mentionables(coalitionId: string): Promise<MentionablesDto> {
    const people: Array<{ id: string; name: string; org_id: string; org_name: string }> =
      await this.db.query(
        `SELECT u.id, u.name, o.id AS org_id, o.name AS org_name
           FROM coalition_members m
           JOIN organizations o ON o.id = m.organization_id
           JOIN users u ON u.organization_id = o.id AND u.disabled_at IS NULL
          WHERE m.coalition_id = $1
          ORDER BY lower(u.name), u.id`,
        [coalitionId],
      );
    const organizations: Array<{ id: string; name: string }> = await this.db.query(
      `SELECT o.id, o.name FROM coalition_members m JOIN organizations o ON o.id = m.organization_id
        WHERE m.coalition_id = $1 ORDER BY lower(o.name), o.id`,
      [coalitionId],
    );
    return {
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        organizationId: p.org_id,
        organizationName: p.org_name,
      })),
      organizations,
    };
  }

  /** Checks every mention against the coalition and resolves who it reaches. */
  async resolve(
    m: EntityManager,
    coalitionId: string,
    mentions: Mention[],
    fieldPrefix = 'mentions',
  ): Promise<ResolvedMentions> {
    const unique = mentions.filter(
      (x, i) => mentions.findIndex((y) => y.kind === x.kind && y.id === x.id) === i,
    );
    if (!unique.length) return { mentions: [], userIds: [] };
    const userIds = unique.filter((x) => x.kind === 'user').map((x) => x.id);
    const orgIds = unique.filter((x) => x.kind === 'organization').map((x) => x.id);
    const users: Array<{ id: string; name: string }> = userIds.length
      ? await m.query(
          `SELECT u.id, u.name FROM users u
             JOIN coalition_members cm ON cm.organization_id = u.organization_id AND cm.coalition_id = $1
            WHERE u.id = ANY($2::uuid[]) AND u.disabled_at IS NULL`,
          [coalitionId, userIds],
        )
      : [];
    const orgs: Array<{ id: string; name: string }> = orgIds.length
      ? await m.query(
          `SELECT o.id, o.name FROM organizations o
             JOIN coalition_members cm ON cm.organization_id = o.id AND cm.coalition_id = $1
            WHERE o.id = ANY($2::uuid[])`,
          [coalitionId, orgIds],
        )
      : [];
    const names = new Map([
      ...users.map((u) => [`user:${u.id}`, u.name] as const),
      ...orgs.map((o) => [`organization:${o.id}`, o.name] as const),
    ]);
    const fields = mentions
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => !names.has(`${x.kind}:${x.id}`))
      .map(({ x, i }) => ({
        path: `${fieldPrefix}.${i}.id`,
        message:
          x.kind === 'user'
            ? 'This person is not in an organization of the coalition.'
            : 'This organization is not a member of the coalition.',
      }));
    if (fields.length) throw AppError.validation(fields);
    const orgUsers: Array<{ id: string }> = orgs.length
      ? await m.query(
          'SELECT id FROM users WHERE organization_id = ANY($1::uuid[]) AND disabled_at IS NULL',
          [orgs.map((o) => o.id)],
        )
      : [];
    return {
      mentions: unique.map((x) => ({ ...x, name: names.get(`${x.kind}:${x.id}`)! })),
      userIds: [...new Set([...users.map((u) => u.id), ...orgUsers.map((u) => u.id)])],
    };
  }
}
