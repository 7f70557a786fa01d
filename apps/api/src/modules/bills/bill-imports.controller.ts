import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { billImportSchema, idParamSchema } from '@coalesce/protocol';
import type { BillImport, BillImportPreviewDto, BillImportResultDto } from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { BillImportService } from './bill-import.service.js';

@ApiTags('bills')
@Controller('coalitions/:id/bill-imports')
export class BillImportsController {
  constructor(private readonly imports: BillImportService) {}

  /** What importing the file would change; nothing is stored. Problems come back with line numbers. */
  @Post('preview')
  @CoalitionAccess('content.create')
  @HttpCode(200)
  preview(
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(billImportSchema) body: BillImport,
  ): Promise<BillImportPreviewDto> {
    return this.imports.preview(p.id, body);
  }

  /** Imports the file in one transaction: everything or, on any error, nothing (400 with line numbers). */
  @Post('apply')
  @CoalitionAccess('content.create')
  @HttpCode(200)
  apply(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(billImportSchema) body: BillImport,
    @Meta() meta: RequestMeta,
  ): Promise<BillImportResultDto> {
    return this.imports.apply(user, p.id, body, meta);
  }
}
