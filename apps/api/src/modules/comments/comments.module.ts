import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { MentionablesController } from './mentionables.controller.js';
import { MentionsService } from './mentions.service.js';

/** Comment threads anchored to document text, with mentions. */
@Module({
  imports: [NotificationsModule],
  controllers: [CommentsController, MentionablesController],
  providers: [CommentsRepository, CommentsService, MentionsService],
  exports: [CommentsService, MentionsService],
})
export class CommentsModule {}
