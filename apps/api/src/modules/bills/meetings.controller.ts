import { Controller, Delete, Get, Header, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  calendarEventCreateSchema,
  calendarEventParamsSchema,
  idParamSchema,
  meetingCreateSchema,
  meetingListQuerySchema,
  meetingOverlapCheckSchema,
  meetingParamsSchema,
  meetingUpdateSchema,
} from '@coalesce/protocol';
import type {
  CalendarEventCreate,
  CalendarEventDto,
  CoordinationAlertsDto,
  MeetingCreate,
  MeetingDto,
  MeetingOverlapCheck,
  MeetingOverlapDto,
  MeetingUpdate,
} from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { BillPositionsService } from './bill-positions.service.js';
import { CalendarService } from './calendar.service.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@Controller('coalitions/:id')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
    private readonly positions: BillPositionsService,
  ) {}

  /** Meetings with legislators' offices; `upcoming=true` from today on (past ones carry isPast). */
  @Get('meetings')
  @CoalitionAccess('coalition.view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(meetingListQuerySchema) q: { upcoming?: boolean; billId?: string },
  ): Promise<MeetingDto[]> {
    return this.meetings.list(user, p.id, q);
  }

  /** Logs a meeting; the answer lists the meetings it overlaps (another org, same office, within N days). */
  @Post('meetings')
  @CoalitionAccess('content.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(meetingCreateSchema) body: MeetingCreate,
  ): Promise<MeetingDto> {
    return this.meetings.create(user, p.id, body);
  }

  /** Asked before saving: which meetings of other organizations this one would overlap. */
  @Post('meetings/overlap-check')
  @CoalitionAccess('content.create')
  @HttpCode(200)
  overlapCheck(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(meetingOverlapCheckSchema) body: MeetingOverlapCheck,
  ): Promise<MeetingOverlapDto[]> {
    return this.meetings.checkOverlaps(user, p.id, body);
  }

  @Patch('meetings/:meetingId')
  @CoalitionAccess('content.create')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(meetingParamsSchema) p: { id: string; meetingId: string },
    @ValidBody(meetingUpdateSchema) body: MeetingUpdate,
    @Req() req: AuthorizedRequest,
  ): Promise<MeetingDto> {
    return this.meetings.update(user, p.id, req.coalitionRole!, p.meetingId, body);
  }

  /** Overlapping meetings and conflicting positions, for the coordinator's dashboard. */
  @Get('coordination-alerts')
  @CoalitionAccess('coalition.view')
  async alerts(@ValidParams(idParamSchema) p: { id: string }): Promise<CoordinationAlertsDto> {
    return {
      overlaps: await this.meetings.overlapAlerts(p.id),
      conflicts: await this.positions.conflictAlerts(p.id),
    };
  }

  @Get('calendar-events')
  @CoalitionAccess('coalition.view')
  events(@ValidParams(idParamSchema) p: { id: string }): Promise<CalendarEventDto[]> {
    return this.calendar.list(p.id);
  }

  @Post('calendar-events')
  @CoalitionAccess('content.create')
  createEvent(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(calendarEventCreateSchema) body: CalendarEventCreate,
  ): Promise<CalendarEventDto> {
    return this.calendar.create(user, p.id, body);
  }

  @Delete('calendar-events/:eventId')
  @CoalitionAccess('content.create')
  @HttpCode(204)
  async removeEvent(
    @ValidParams(calendarEventParamsSchema) p: { id: string; eventId: string },
  ): Promise<void> {
    await this.calendar.remove(p.id, p.eventId);
  }

  /** Hearings, deadlines and meetings as an iCalendar file. */
  @Get('calendar.ics')
  @CoalitionAccess('coalition.view')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="coalition-calendar.ics"')
  @ApiProduces('text/calendar')
  ics(@ValidParams(idParamSchema) p: { id: string }): Promise<string> {
    return this.calendar.ics(p.id);
  }
}
