import type { z } from 'zod';
import type {
  BillDto,
  BillImportPreviewDto,
  BillImportResultDto,
  BillListQuery,
  BillPositionDto,
  BillPositionInput,
  BillSummaryDto,
  BillWatch,
  CalendarEventDto,
  CoordinationAlertsDto,
  MeetingDto,
  MeetingOverlapDto,
  MeetingUpdate,
  PositionsMatrixDto,
  billActionCreateSchema,
  billCreateSchema,
  billImportSchema,
  calendarEventCreateSchema,
  meetingCreateSchema,
  meetingOverlapCheckSchema,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export type BillFilters = Partial<BillListQuery>;
export type BillCreateRequest = z.input<typeof billCreateSchema>;
export type BillActionRequest = z.input<typeof billActionCreateSchema>;
export type MeetingCreateRequest = z.input<typeof meetingCreateSchema>;
export type OverlapCheckRequest = z.input<typeof meetingOverlapCheckSchema>;
export type CalendarEventRequest = z.input<typeof calendarEventCreateSchema>;
export type BillImportRequest = z.input<typeof billImportSchema>;

/** Everything lives under ['coalitions', id], so any entity:changed of the coalition refreshes it. */
export const billKeys = {
  all: (c: string) => ['coalitions', c, 'bills'] as const,
  list: (c: string, filters: BillFilters) => ['coalitions', c, 'bills', 'list', filters] as const,
  one: (c: string, billId: string) => ['coalitions', c, 'bills', 'one', billId] as const,
  matrix: (c: string) => ['coalitions', c, 'bill-positions'] as const,
  meetings: (c: string, upcoming: boolean) => ['coalitions', c, 'meetings', { upcoming }] as const,
  events: (c: string) => ['coalitions', c, 'calendar-events'] as const,
  alerts: (c: string) => ['coalitions', c, 'coordination-alerts'] as const,
};

const base = (c: string) => `/coalitions/${encodeURIComponent(c)}`;
const billPath = (c: string, billId: string) => `${base(c)}/bills/${encodeURIComponent(billId)}`;

export const billsApi = {
  list: (c: string, filters: BillFilters) =>
    http.get<BillSummaryDto[]>(`${base(c)}/bills`, { query: { ...filters } }),
  get: (c: string, billId: string) => http.get<BillDto>(billPath(c, billId)),
  create: (c: string, input: BillCreateRequest) => http.post<BillDto>(`${base(c)}/bills`, input),
  addAction: (c: string, billId: string, input: BillActionRequest) =>
    http.post<BillDto>(`${billPath(c, billId)}/actions`, input),
  watch: (c: string, billId: string, input: BillWatch) =>
    http.patch<BillDto>(`${billPath(c, billId)}/watch`, input),
  follow: (c: string, billId: string, following: boolean) =>
    following
      ? http.post<BillDto>(`${billPath(c, billId)}/follow`)
      : http.delete<BillDto>(`${billPath(c, billId)}/follow`),
  setLead: (c: string, billId: string, organizationId: string | null) =>
    http.post<BillDto>(`${billPath(c, billId)}/lead`, { organizationId }),
  linkDocument: (c: string, billId: string, documentId: string) =>
    http.post<BillDto>(`${billPath(c, billId)}/documents`, { documentId }),
  unlinkDocument: (c: string, billId: string, documentId: string) =>
    http.delete<BillDto>(`${billPath(c, billId)}/documents/${encodeURIComponent(documentId)}`),
  setPosition: (c: string, billId: string, input: BillPositionInput) =>
    http.post<BillPositionDto>(`${billPath(c, billId)}/position`, input),
  matrix: (c: string) => http.get<PositionsMatrixDto>(`${base(c)}/bill-positions`),
  previewImport: (c: string, input: BillImportRequest) =>
    http.post<BillImportPreviewDto>(`${base(c)}/bill-imports/preview`, input),
  applyImport: (c: string, input: BillImportRequest) =>
    http.post<BillImportResultDto>(`${base(c)}/bill-imports/apply`, input),
  meetings: (c: string, upcoming: boolean) =>
    http.get<MeetingDto[]>(`${base(c)}/meetings`, { query: upcoming ? { upcoming: 'true' } : {} }),
  createMeeting: (c: string, input: MeetingCreateRequest) =>
    http.post<MeetingDto>(`${base(c)}/meetings`, input),
  updateMeeting: (c: string, meetingId: string, input: MeetingUpdate) =>
    http.patch<MeetingDto>(`${base(c)}/meetings/${encodeURIComponent(meetingId)}`, input),
  checkOverlaps: (c: string, input: OverlapCheckRequest) =>
    http.post<MeetingOverlapDto[]>(`${base(c)}/meetings/overlap-check`, input),
  events: (c: string) => http.get<CalendarEventDto[]>(`${base(c)}/calendar-events`),
  createEvent: (c: string, input: CalendarEventRequest) =>
    http.post<CalendarEventDto>(`${base(c)}/calendar-events`, input),
  alerts: (c: string) => http.get<CoordinationAlertsDto>(`${base(c)}/coordination-alerts`),
  /** The calendar as an .ics file (fetched with the session's token, then saved). */
  async downloadIcs(c: string): Promise<void> {
    const token = await http.freshAccessToken();
    const res = await fetch(`/api/v1${base(c)}/calendar.ics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`The calendar could not be downloaded (${res.status}).`);
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = 'coalition-calendar.ics';
    link.click();
    URL.revokeObjectURL(url);
  },
};
