import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParamSchema } from '@coalesce/protocol';
import type { MentionablesDto } from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import { ValidParams } from '../../core/http/validated.decorators.js';
import { MentionsService } from './mentions.service.js';

@ApiTags('comments')
@Controller('coalitions/:id/mentionables')
export class MentionablesController {
  constructor(private readonly mentions: MentionsService) {}

  /** Who and which organizations can be mentioned with `@` in this coalition. */
  @Get()
  @CoalitionAccess('coalition.view')
  list(@ValidParams(idParamSchema) p: { id: string }): Promise<MentionablesDto> {
    return this.mentions.mentionables(p.id);
  }
}
