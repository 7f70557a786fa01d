import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  notificationListQuerySchema,
  notificationParamSchema,
  notificationPreferencesSchema,
} from '@coalesce/protocol';
import type {
  NotificationListDto,
  NotificationListQuery,
  NotificationPreferencesDto,
  NotificationPreferencesUpdate,
} from '@coalesce/protocol';
import { Authenticated } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { NotificationsService } from './notifications.service.js';

/** The caller's own notifications (another user's are 404). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  list(
    @CurrentUser() user: AuthUser,
    @ValidQuery(notificationListQuerySchema) query: NotificationListQuery,
  ): Promise<NotificationListDto> {
    return this.notifications.list(user, query);
  }

  /** Which kinds notify this user (all on unless switched off). */
  @Get('preferences')
  @Authenticated()
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(user);
  }

  @Put('preferences')
  @Authenticated()
  setPreferences(
    @CurrentUser() user: AuthUser,
    @ValidBody(notificationPreferencesSchema) body: NotificationPreferencesUpdate,
  ): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(user, body);
  }

  @Post('read-all')
  @HttpCode(204)
  @Authenticated()
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated()
  async read(
    @CurrentUser() user: AuthUser,
    @ValidParams(notificationParamSchema) p: { id: string },
  ): Promise<void> {
    await this.notifications.markRead(user, p.id);
  }
}
