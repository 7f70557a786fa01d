import { Controller, Get, Header, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { docParamSchema, versionCreateSchema, versionParamsSchema } from '@coalesce/protocol';
import type { VersionDto } from '@coalesce/protocol';
import { DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { VersionsService } from './versions.service.js';

type VersionParams = { docId: string; versionId: string };

@ApiTags('documents')
@Controller('documents/:docId/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @DocumentAccess('view')
  list(@ValidParams(docParamSchema) p: { docId: string }): Promise<VersionDto[]> {
    return this.versions.list(p.docId);
  }

  /** Names the current state of the document. */
  @Post()
  @DocumentAccess('edit')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: { docId: string },
    @ValidBody(versionCreateSchema) body: { name: string },
  ): Promise<VersionDto> {
    return this.versions.createNamed(user, p.docId, body.name);
  }

  /** The version as a Yjs update (binary), for a read-only preview. */
  @Get(':versionId/state')
  @DocumentAccess('view')
  @ApiProduces('application/octet-stream')
  @Header('Content-Type', 'application/octet-stream')
  async state(@ValidParams(versionParamsSchema) p: VersionParams): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.versions.state(p.docId, p.versionId)));
  }

  /** Restores the version as a new forward update; collaborators see it live. */
  @Post(':versionId/restore')
  @HttpCode(200)
  @DocumentAccess('edit')
  restore(
    @CurrentUser() user: AuthUser,
    @ValidParams(versionParamsSchema) p: VersionParams,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<{ seq: number }> {
    return this.versions.restore(user, p.docId, p.versionId, req.docAccess!.coalitionId, meta);
  }
}
