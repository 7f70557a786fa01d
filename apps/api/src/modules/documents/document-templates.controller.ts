import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DOCUMENT_TEMPLATES } from '@coalesce/domain';
import type { DocumentTemplateDto } from '@coalesce/protocol';
import { Authenticated } from '../../core/access/access-rule.js';

/** The templates a new document can start from (their content stays on the server). */
@ApiTags('documents')
@Controller('document-templates')
export class DocumentTemplatesController {
  @Get()
  @Authenticated()
  list(): DocumentTemplateDto[] {
    return DOCUMENT_TEMPLATES.map(({ id, name, kind, description }) => ({
      id,
      name,
      kind,
      description,
    }));
  }
}
