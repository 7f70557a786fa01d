import { Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { orgExportParamsSchema, orgParamSchema } from '@coalesce/protocol';
import type { OrgExportDto } from '@coalesce/protocol';
import { OrgAccess } from '../../../core/access/access-rule.js';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { CurrentUser } from '../../../core/auth/current-user.decorator.js';
import { Meta } from '../../../core/http/request-meta.js';
import type { RequestMeta } from '../../../core/http/request-meta.js';
import { ValidParams } from '../../../core/http/validated.decorators.js';
import { OrgExportsService } from './org-exports.service.js';

type ExportParams = { orgId: string; exportId: string };

/** Exports of all of an organization's data (its admins only; anyone else: 404, its members: 403). */
@ApiTags('organizations')
@Controller('organizations/:orgId/exports')
export class OrgExportsController {
  constructor(private readonly exports: OrgExportsService) {}

  /** Starts an export in the background; follow it with GET (or live `entity:changed` 'org-export'). */
  @Post()
  @HttpCode(202)
  @OrgAccess('org.data.export', 'orgId')
  start(
    @CurrentUser() user: AuthUser,
    @ValidParams(orgParamSchema) p: { orgId: string },
    @Meta() meta: RequestMeta,
  ): Promise<OrgExportDto> {
    return this.exports.start(user, p.orgId, meta);
  }

  /** The latest exports, newest first. */
  @Get()
  @OrgAccess('org.data.export', 'orgId')
  list(@ValidParams(orgParamSchema) p: { orgId: string }): Promise<OrgExportDto[]> {
    return this.exports.list(p.orgId);
  }

  @Get(':exportId')
  @OrgAccess('org.data.export', 'orgId')
  get(@ValidParams(orgExportParamsSchema) p: ExportParams): Promise<OrgExportDto> {
    return this.exports.get(p.orgId, p.exportId);
  }

  /** The ZIP file of a ready export. */
  @Get(':exportId/download')
  @OrgAccess('org.data.export', 'orgId')
  @ApiProduces('application/zip')
  async download(
    @CurrentUser() user: AuthUser,
    @ValidParams(orgExportParamsSchema) p: ExportParams,
    @Meta() meta: RequestMeta,
  ): Promise<StreamableFile> {
    const file = await this.exports.download(user, p.orgId, p.exportId, meta);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.fileSize,
    });
  }
}
