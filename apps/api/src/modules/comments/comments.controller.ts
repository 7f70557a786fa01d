import { Controller, Get, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  commentReplyCreateSchema,
  commentThreadCreateSchema,
  commentThreadParamsSchema,
  commentThreadStatusSchema,
  docParamSchema,
} from '@coalesce/protocol';
import type {
  CommentReplyCreate,
  CommentThreadCreate,
  CommentThreadDto,
  CommentThreadStatus,
} from '@coalesce/protocol';
import { DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { CommentsService } from './comments.service.js';

type ThreadParams = { docId: string; threadId: string };

/** Comment threads of a document: anyone who can view reads them; commenters and editors write. */
@ApiTags('comments')
@Controller('documents/:docId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @DocumentAccess('view')
  list(@ValidParams(docParamSchema) p: { docId: string }): Promise<CommentThreadDto[]> {
    return this.comments.list(p.docId);
  }

  @Post()
  @DocumentAccess('comment')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(docParamSchema) p: { docId: string },
    @ValidBody(commentThreadCreateSchema) body: CommentThreadCreate,
    @Req() req: AuthorizedRequest,
  ): Promise<CommentThreadDto> {
    return this.comments.createThread(user, context(p.docId, req), body);
  }

  @Post(':threadId/replies')
  @DocumentAccess('comment')
  reply(
    @CurrentUser() user: AuthUser,
    @ValidParams(commentThreadParamsSchema) p: ThreadParams,
    @ValidBody(commentReplyCreateSchema) body: CommentReplyCreate,
    @Req() req: AuthorizedRequest,
  ): Promise<CommentThreadDto> {
    return this.comments.reply(user, context(p.docId, req), p.threadId, body);
  }

  /** Resolve or reopen. */
  @Put(':threadId/status')
  @DocumentAccess('comment')
  setStatus(
    @CurrentUser() user: AuthUser,
    @ValidParams(commentThreadParamsSchema) p: ThreadParams,
    @ValidBody(commentThreadStatusSchema) body: CommentThreadStatus,
    @Req() req: AuthorizedRequest,
  ): Promise<CommentThreadDto> {
    return this.comments.setStatus(user, context(p.docId, req), p.threadId, body);
  }
}

const context = (docId: string, req: AuthorizedRequest) => ({
  docId,
  coalitionId: req.docAccess!.coalitionId,
});
