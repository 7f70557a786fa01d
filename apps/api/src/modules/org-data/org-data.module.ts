import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { ContributionsModule } from '../contributions/contributions.module.js';
import { OrgErasureController } from './erasure/org-erasure.controller.js';
import { OrgErasureRepository } from './erasure/org-erasure.repository.js';
import { OrgErasureService } from './erasure/org-erasure.service.js';
import { OrgExportRunner } from './exports/org-export.runner.js';
import { OrgExportsController } from './exports/org-exports.controller.js';
import { OrgExportsRepository } from './exports/org-exports.repository.js';
import { OrgExportsService } from './exports/org-exports.service.js';
import { AuditSection } from './exports/sections/audit.section.js';
import { BillPositionsSection } from './exports/sections/bill-positions.section.js';
import { CaseMapsSection } from './exports/sections/case-maps.section.js';
import { CommentsSection } from './exports/sections/comments.section.js';
import { DocumentsSection } from './exports/sections/documents.section.js';
import { MeetingsSection } from './exports/sections/meetings.section.js';
import { ORG_DATA_SECTIONS } from './exports/sections/org-data-section.js';
import type { OrgDataSection } from './exports/sections/org-data-section.js';
import { OrganizationSection } from './exports/sections/organization.section.js';
import { PrivateLayersSection } from './exports/sections/private-layers.section.js';
import { TasksSection } from './exports/sections/tasks.section.js';
import { ORG_DATA_CONFIG, loadOrgDataConfig } from './org-data.config.js';
import { OrgDataJob } from './org-data.job.js';

/**
 * The sections of an organization's export, in the order they are written. A new kind of data is a
 * new section class added here.
 */
const SECTIONS = [
  OrganizationSection,
  AuditSection,
  DocumentsSection,
  CaseMapsSection,
  PrivateLayersSection,
  BillPositionsSection,
  MeetingsSection,
  TasksSection,
  CommentsSection,
];

/** Data ownership: an organization's export of all its data, and its erasure. */
@Module({
  imports: [AuthModule, CollabModule, ContributionsModule],
  controllers: [OrgExportsController, OrgErasureController],
  providers: [
    { provide: ORG_DATA_CONFIG, useFactory: () => loadOrgDataConfig() },
    ...SECTIONS,
    {
      provide: ORG_DATA_SECTIONS,
      useFactory: (...sections: OrgDataSection[]) => sections,
      inject: SECTIONS,
    },
    OrgExportsRepository,
    OrgExportRunner,
    OrgExportsService,
    OrgErasureRepository,
    OrgErasureService,
    OrgDataJob,
  ],
})
export class OrgDataModule {}
