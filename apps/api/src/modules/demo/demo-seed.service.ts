import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../../core/auth/password-hasher.js';
import { UserEntity } from '../../core/auth/user.entity.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { DemoBillsSeeder } from '../bills/demo-bills.seeder.js';
import { CoalitionEntity } from '../coalitions/coalition.entity.js';
import { CoalitionMemberEntity } from '../coalitions/coalition-member.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { WorkingGroupEntity } from '../working-groups/working-group.entity.js';
import { WorkingGroupMemberEntity } from '../working-groups/working-group-member.entity.js';
import {
  DEMO_COALITION,
  DEMO_ORGS,
  DEMO_OUTSIDE_ORG,
  DEMO_PASSWORD,
  DEMO_WORKING_GROUPS,
} from './demo-data.js';
import type { DemoOrg } from './demo-data.js';
import { DemoCaseMapsSeeder } from './demo-case-maps.seeder.js';
import { DemoDocumentsSeeder } from './demo-documents.seeder.js';
import { DemoTasksSeeder } from './demo-tasks.seeder.js';

/** Seeds the demo coalition on the first start with an empty database (SEED_DEMO=false turns it off). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly documents: DemoDocumentsSeeder,
    private readonly demoBills: DemoBillsSeeder,
    private readonly tasks: DemoTasksSeeder,
    private readonly caseMaps: DemoCaseMapsSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.seedIfEmpty();
    const demoPresent = await this.db
      .getRepository(UserEntity)
      .existsBy({ email: DEMO_ORGS[0].people[0].email });
    if (demoPresent) this.printLogins();
  }

  /** Returns false when the database already has users (nothing is changed then). */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.db.getRepository(UserEntity).count()) > 0) return false;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const coalitionId = await this.db.transaction(async (m) => {
      const orgIds = new Map<string, string>();
      for (const demo of [...DEMO_ORGS, DEMO_OUTSIDE_ORG])
        orgIds.set(demo.key, await this.createOrg(m, demo, passwordHash));
      const coalition = await m
        .getRepository(CoalitionEntity)
        .save(
          m
            .getRepository(CoalitionEntity)
            .create({ ...DEMO_COALITION, createdByOrgId: orgIds.get('polaris')! }),
        );
      for (const demo of DEMO_ORGS) {
        await m.getRepository(CoalitionMemberEntity).insert({
          coalitionId: coalition.id,
          organizationId: orgIds.get(demo.key)!,
          role: demo.coalitionRole,
        });
      }
      const groupIds = new Map<string, string>();
      for (const group of DEMO_WORKING_GROUPS) {
        const saved = await m.getRepository(WorkingGroupEntity).save(
          m.getRepository(WorkingGroupEntity).create({
            coalitionId: coalition.id,
            name: group.name,
            description: group.description,
          }),
        );
        groupIds.set(group.name, saved.id);
        await m.getRepository(WorkingGroupMemberEntity).insert(
          group.orgs.map((key) => ({
            workingGroupId: saved.id,
            organizationId: orgIds.get(key)!,
          })),
        );
      }
      await this.documents.seed(m, { coalitionId: coalition.id, orgIds, groupIds });
      await this.tasks.seed(m, { coalitionId: coalition.id, orgIds, groupIds });
      await this.caseMaps.seed(m, { coalitionId: coalition.id, orgIds, groupIds });
      return coalition.id;
    });
    await this.demoBills.seed(coalitionId);
    this.logger.log(`Seeded the demo coalition "${DEMO_COALITION.name}"`);
    return true;
  }

  private async createOrg(m: EntityManager, demo: DemoOrg, passwordHash: string): Promise<string> {
    const { key: _key, coalitionRole: _role, people, ...fields } = demo;
    const org = await m
      .getRepository(OrganizationEntity)
      .save(m.getRepository(OrganizationEntity).create(fields));
    for (const person of people) {
      await m.getRepository(UserEntity).insert({
        name: person.name,
        email: person.email,
        orgRole: person.orgRole,
        organizationId: org.id,
        passwordHash,
      });
    }
    return org.id;
  }

  private printLogins(): void {
    const rows = [...DEMO_ORGS, DEMO_OUTSIDE_ORG].flatMap((org) =>
      org.people.map(
        (p) =>
          `  ${p.email.padEnd(26)} ${org.name} — ${p.title} (org ${p.orgRole}, coalition ${org === DEMO_OUTSIDE_ORG ? 'not a member' : org.coalitionRole})`,
      ),
    );
    console.log(
      [
        '',
        'Demo accounts. Sign in with any of these (password for all: ' + DEMO_PASSWORD + '):',
        ...rows,
        '',
      ].join('\n'),
    );
  }
}
