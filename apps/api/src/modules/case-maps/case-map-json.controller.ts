import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { caseMapImportSchema, idParamSchema, mapParamSchema } from '@coalesce/protocol';
import type { CaseMapImport, CaseMapJson, DocumentDto } from '@coalesce/protocol';
import { CoalitionAccess, DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { CaseMapJsonService } from './case-map-json.service.js';

@ApiTags('case-maps')
@Controller()
export class CaseMapJsonController {
  constructor(private readonly json: CaseMapJsonService) {}

  /** What the caller may read in full, as a `coalesce.case-map` file (audited, layer reads too). */
  @Get('case-maps/:docId/export.json')
  @DocumentAccess('view')
  @ApiProduces('application/json')
  async export(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: { docId: string },
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseMapJson> {
    const { fileName, json } = await this.json.export(user, p.docId, meta);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return json;
  }

  /** A new map of the caller's organization from a file; an invalid file is refused with its reasons. */
  @Post('coalitions/:id/case-maps/import')
  @CoalitionAccess('content.create')
  import(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(caseMapImportSchema) body: CaseMapImport,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.json.import(user, p.id, req.coalitionRole!, body, meta);
  }
}
