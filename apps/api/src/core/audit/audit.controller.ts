import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, idParamSchema } from '@coalesce/protocol';
import type { AuditEntryDto, AuditQuery, Page } from '@coalesce/protocol';
import { CoalitionAccess, OrgAccess } from '../access/access-rule.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ValidParams, ValidQuery } from '../http/validated.decorators.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get('coalitions/:id/audit')
  @CoalitionAccess('coalition.audit.view')
  coalitionLog(
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(auditQuerySchema) q: AuditQuery,
  ): Promise<Page<AuditEntryDto>> {
    return this.audit.list({ coalitionId: p.id }, q);
  }

  @Get('organizations/current/audit')
  @OrgAccess('org.audit.view')
  organizationLog(
    @CurrentUser() user: AuthUser,
    @ValidQuery(auditQuerySchema) q: AuditQuery,
  ): Promise<Page<AuditEntryDto>> {
    return this.audit.list({ organizationId: user.organizationId }, q);
  }
}
