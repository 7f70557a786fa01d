import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  docParamSchema,
  documentCreateSchema,
  documentListQuerySchema,
  documentSharingSchema,
  documentUpdateSchema,
  idParamSchema,
} from '@coalesce/protocol';
import type {
  DocumentCreate,
  DocumentDto,
  DocumentListQuery,
  DocumentSharing,
  DocumentUpdate,
} from '@coalesce/protocol';
import { CoalitionAccess, DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { DocumentExportService } from './document-export.service.js';
import { DocumentsService } from './documents.service.js';

type DocParam = { docId: string };

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly exports: DocumentExportService,
  ) {}

  /** Creates a document owned by the caller's organization, empty or from a template. */
  @Post('coalitions/:id/documents')
  @CoalitionAccess('content.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(documentCreateSchema) body: DocumentCreate,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.documents.create(user, p.id, req.coalitionRole!, body, meta);
  }

  /** Search (title and text), filters and sort; only what the caller's organization may see. */
  @Get('coalitions/:id/documents')
  @CoalitionAccess('coalition.view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(documentListQuerySchema) query: DocumentListQuery,
    @Req() req: AuthorizedRequest,
  ): Promise<DocumentDto[]> {
    return this.documents.list(user, p.id, req.coalitionRole!, query);
  }

  @Get('documents/:docId')
  @DocumentAccess('view')
  one(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @Req() req: AuthorizedRequest,
  ): Promise<DocumentDto> {
    return this.documents.get(user, p.docId, req.coalitionRole!);
  }

  /** Rename, or move to another working group of the coalition (or none). */
  @Patch('documents/:docId')
  @DocumentAccess('edit')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @ValidBody(documentUpdateSchema) body: DocumentUpdate,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.documents.update(user, p.docId, req.coalitionRole!, body, meta);
  }

  /** Read-only for everyone until restored (owner organization or coordinator). */
  @Post('documents/:docId/archive')
  @HttpCode(200)
  @DocumentAccess('view')
  archive(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.documents.setLifecycle(
      user,
      p.docId,
      req.coalitionRole!,
      'archived',
      meta,
    ) as Promise<DocumentDto>;
  }

  @Post('documents/:docId/restore')
  @HttpCode(200)
  @DocumentAccess('view')
  restore(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<DocumentDto> {
    return this.documents.setLifecycle(
      user,
      p.docId,
      req.coalitionRole!,
      'restored',
      meta,
    ) as Promise<DocumentDto>;
  }

  /** Soft delete: 404 everywhere afterwards; open editors get doc:revoked. */
  @Delete('documents/:docId')
  @HttpCode(204)
  @DocumentAccess('view')
  async remove(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.documents.setLifecycle(user, p.docId, req.coalitionRole!, 'deleted', meta);
  }

  /** Who may see and edit the document; applies live (sockets that lose access get doc:revoked). */
  @Put('documents/:docId/sharing')
  @DocumentAccess('view')
  share(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
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

  /** Markdown of the current content, as a download named after the title. */
  @Get('documents/:docId/export.md')
  @DocumentAccess('view')
  @ApiProduces('text/markdown')
  async exportMarkdown(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: DocParam,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { fileName, markdown } = await this.exports.markdown(user, p.docId, meta);
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return markdown;
  }
}
