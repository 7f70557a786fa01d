import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

/** The organization's profile, its people and its coalition memberships. */
@Injectable()
export class OrganizationSection implements OrgDataSection {
  readonly key = 'members';
  readonly label = 'Organization profile';
  readonly scope = 'organization' as const;
  readonly contents = {
    'organization.json':
      "The organization's profile, its people (name, email, role, disabled) and its coalition memberships.",
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  size(): Promise<number> {
    return Promise.resolve(1);
  }

  async write(ctx: SectionContext): Promise<number> {
    const [org]: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, name, slug, country, focus_areas, website, description, created_at
         FROM organizations WHERE id = $1`,
      [ctx.organization.id],
    );
    const people: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, name, email, org_role, disabled_at, created_at FROM users
        WHERE organization_id = $1 ORDER BY name, id`,
      [ctx.organization.id],
    );
    const coalitions: Array<Record<string, unknown>> = await this.db.query(
      `SELECT c.id, c.name, m.role, m.joined_at FROM coalition_members m
         JOIN coalitions c ON c.id = m.coalition_id
        WHERE m.organization_id = $1 ORDER BY c.name`,
      [ctx.organization.id],
    );
    await ctx.archive.addJson('organization.json', {
      id: org.id,
      name: org.name,
      slug: org.slug,
      country: org.country,
      focusAreas: org.focus_areas,
      website: org.website,
      description: org.description,
      createdAt: iso(org.created_at as Date),
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.org_role,
        disabled: p.disabled_at !== null,
        createdAt: iso(p.created_at as Date),
      })),
      coalitions: coalitions.map((c) => ({
        id: c.id,
        name: c.name,
        role: c.role,
        joinedAt: iso(c.joined_at as Date),
      })),
    });
    await ctx.progress(1, 'Organization profile');
    return people.length;
  }
}
