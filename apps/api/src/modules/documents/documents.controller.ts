import { Controller, Get, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  docParamSchema,
  documentCreateSchema,
  documentSharingSchema,
  idParamSchema,
} from '@coalesce/protocol';
import type { DocumentCreate, DocumentDto, DocumentSharing } from '@coalesce/protocol';
import { CoalitionAccess, DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { DocumentsService } from './documents.service.js';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Creates a document owned by the caller's organization. */
  @Post('coalitions/:id/documents')
  @CoalitionAccess('content.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(documentCreateSchema) body: DocumentCreate,
    @Req() req: AuthorizedRequest,
  ): Promise<DocumentDto> {
    return this.documents.create(user, p.id, req.coalitionRole!, body);
  }

  @Get('coalitions/:id/documents')
  @CoalitionAccess('coalition.view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @Req() req: AuthorizedRequest,
  ): Promise<DocumentDto[]> {
    return this.documents.list(user, p.id, req.coalitionRole!);
  }

  @Get('documents/:docId')
  @DocumentAccess('view')
  one(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: { docId: string },
    @Req() req: AuthorizedRequest,
  ): Promise<DocumentDto> {
    return this.documents.get(user, p.docId, req.coalitionRole!);
  }

  /** Who may see and edit the document; applies live (sockets that lose access get doc:revoked). */
  @Put('documents/:docId/sharing')
  @DocumentAccess('view')
  share(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: { docId: string },
    @ValidBody(documentSharingSchema) body: DocumentSharing,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.documents.setSharing(
      user,
      p.docId,
      req.coalitionRole!,
      req.docAccess!.permission,
      body,
      meta,
    );
  }
}
