import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  billActionCreateSchema,
  billCreateSchema,
  billDocumentLinkSchema,
  billDocumentParamsSchema,
  billLeadSchema,
  billListQuerySchema,
  billParamsSchema,
  billPositionSchema,
  billUpdateSchema,
  billWatchSchema,
  idParamSchema,
} from '@coalesce/protocol';
import type {
  BillActionCreate,
  BillCreate,
  BillDto,
  BillListQuery,
  BillPositionDto,
  BillPositionInput,
  BillSummaryDto,
  BillUpdate,
  BillWatch,
  PositionsMatrixDto,
} from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { BillPositionsService } from './bill-positions.service.js';
import { BillsService } from './bills.service.js';

type BillParams = { id: string; billId: string };

@ApiTags('bills')
@Controller('coalitions/:id')
export class BillsController {
  constructor(
    private readonly bills: BillsService,
    private readonly positions: BillPositionsService,
  ) {}

  @Get('bills')
  @CoalitionAccess('coalition.view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(billListQuerySchema) q: BillListQuery,
  ): Promise<BillSummaryDto[]> {
    return this.bills.list(user, p.id, q);
  }

  @Post('bills')
  @CoalitionAccess('content.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(billCreateSchema) body: BillCreate,
  ): Promise<BillDto> {
    return this.bills.create(user, p.id, body);
  }

  @Get('bills/:billId')
  @CoalitionAccess('coalition.view')
  one(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
  ): Promise<BillDto> {
    return this.bills.get(user, p.id, p.billId);
  }

  @Patch('bills/:billId')
  @CoalitionAccess('content.create')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billUpdateSchema) body: BillUpdate,
  ): Promise<BillDto> {
    return this.bills.update(user, p.id, p.billId, body);
  }

  /** Appends an action (actions are never edited or removed); the stage is derived again. */
  @Post('bills/:billId/actions')
  @CoalitionAccess('content.create')
  addAction(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billActionCreateSchema) body: BillActionCreate,
  ): Promise<BillDto> {
    return this.bills.appendAction(user, p.id, p.billId, body);
  }

  /** The coalition's watchlist entry: watched, priority, tags. */
  @Patch('bills/:billId/watch')
  @CoalitionAccess('content.create')
  watch(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billWatchSchema) body: BillWatch,
  ): Promise<BillDto> {
    return this.bills.setWatch(user, p.id, p.billId, body);
  }

  /** The caller follows the bill (live alerts on changes); observers may follow too. */
  @Post('bills/:billId/follow')
  @CoalitionAccess('coalition.view')
  @HttpCode(200)
  follow(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
  ): Promise<BillDto> {
    return this.bills.setFollowing(user, p.id, p.billId, true);
  }

  @Delete('bills/:billId/follow')
  @CoalitionAccess('coalition.view')
  unfollow(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
  ): Promise<BillDto> {
    return this.bills.setFollowing(user, p.id, p.billId, false);
  }

  /** Coordinators choose which member organization leads on a bill. */
  @Post('bills/:billId/lead')
  @CoalitionAccess('bill.assign-lead')
  @HttpCode(200)
  lead(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billLeadSchema) body: { organizationId: string | null },
    @Meta() meta: RequestMeta,
  ): Promise<BillDto> {
    return this.bills.setLead(user, p.id, p.billId, body.organizationId, meta);
  }

  /** Links a coalition document (e.g. the lobbying plan) to the bill. */
  @Post('bills/:billId/documents')
  @CoalitionAccess('content.create')
  @HttpCode(200)
  linkDocument(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billDocumentLinkSchema) body: { documentId: string },
  ): Promise<BillDto> {
    return this.bills.linkDocument(user, p.id, p.billId, body.documentId);
  }

  @Delete('bills/:billId/documents/:documentId')
  @CoalitionAccess('content.create')
  unlinkDocument(
    @CurrentUser() user: AuthUser,
    @ValidParams(billDocumentParamsSchema) p: BillParams & { documentId: string },
  ): Promise<BillDto> {
    return this.bills.unlinkDocument(user, p.id, p.billId, p.documentId);
  }

  /** Sets the caller's organization's position on the bill. */
  @Post('bills/:billId/position')
  @CoalitionAccess('content.create')
  @HttpCode(200)
  position(
    @CurrentUser() user: AuthUser,
    @ValidParams(billParamsSchema) p: BillParams,
    @ValidBody(billPositionSchema) body: BillPositionInput,
    @Meta() meta: RequestMeta,
  ): Promise<BillPositionDto> {
    return this.positions.set(user, p.id, p.billId, body, meta);
  }

  /** Bills x member organizations, with conflicting positions flagged. */
  @Get('bill-positions')
  @CoalitionAccess('coalition.view')
  matrix(@ValidParams(idParamSchema) p: { id: string }): Promise<PositionsMatrixDto> {
    return this.positions.matrix(p.id);
  }
}
