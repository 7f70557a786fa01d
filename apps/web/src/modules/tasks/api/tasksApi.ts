import type { z } from 'zod';
import type {
  ActivityDto,
  ClaimDto,
  DashboardDto,
  SimilarTaskDto,
  TaskDetailDto,
  TaskDto,
  TaskUpdate,
  claimCreateSchema,
  taskCreateSchema,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export type TaskCreateRequest = z.input<typeof taskCreateSchema>;
export type ClaimCreateRequest = z.input<typeof claimCreateSchema>;

/** Filters of the task list, as the API takes them. */
export interface TaskFilters {
  status?: string;
  assigneeOrgId?: string;
  assigneeUserId?: string;
  workingGroupId?: string;
  label?: string;
  due?: 'overdue' | 'week';
  billId?: string;
  q?: string;
}

/** Every key sits under ['coalitions', id] so live `entity:changed` refreshes it. */
export const taskKeys = {
  all: (coalitionId: string) => ['coalitions', coalitionId, 'tasks'] as const,
  list: (coalitionId: string, filters: TaskFilters) =>
    ['coalitions', coalitionId, 'tasks', 'list', filters] as const,
  one: (coalitionId: string, taskId: string) =>
    ['coalitions', coalitionId, 'tasks', 'one', taskId] as const,
  similar: (coalitionId: string, title: string) =>
    ['coalitions', coalitionId, 'tasks', 'similar', title] as const,
  claims: (coalitionId: string) => ['coalitions', coalitionId, 'claims'] as const,
  dashboard: (coalitionId: string) => ['coalitions', coalitionId, 'dashboard'] as const,
  activity: (coalitionId: string, workingGroupId: string | null) =>
    ['coalitions', coalitionId, 'activity', workingGroupId] as const,
};

const base = (coalitionId: string) => `/coalitions/${encodeURIComponent(coalitionId)}`;
const clean = (filters: TaskFilters) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));

export const tasksApi = {
  list: (coalitionId: string, filters: TaskFilters) =>
    http.get<TaskDto[]>(`${base(coalitionId)}/tasks`, { query: clean(filters) }),
  get: (coalitionId: string, taskId: string) =>
    http.get<TaskDetailDto>(`${base(coalitionId)}/tasks/${taskId}`),
  similar: (coalitionId: string, title: string) =>
    http.get<SimilarTaskDto[]>(`${base(coalitionId)}/tasks/similar`, { query: { title } }),
  create: (coalitionId: string, input: TaskCreateRequest) =>
    http.post<TaskDto>(`${base(coalitionId)}/tasks`, input),
  update: (coalitionId: string, taskId: string, input: TaskUpdate) =>
    http.patch<TaskDto>(`${base(coalitionId)}/tasks/${taskId}`, input),
  comment: (coalitionId: string, taskId: string, body: string) =>
    http.post<TaskDetailDto>(`${base(coalitionId)}/tasks/${taskId}/comments`, { body }),
  relate: (coalitionId: string, taskId: string, kind: string, otherTaskId: string) =>
    http.post<TaskDetailDto>(`${base(coalitionId)}/tasks/${taskId}/relations`, {
      kind,
      taskId: otherTaskId,
    }),
  merge: (coalitionId: string, taskId: string, intoTaskId: string) =>
    http.post<TaskDto>(`${base(coalitionId)}/tasks/${taskId}/merge`, { intoTaskId }),
  claims: (coalitionId: string) => http.get<ClaimDto[]>(`${base(coalitionId)}/claims`),
  claim: (coalitionId: string, input: ClaimCreateRequest) =>
    http.post<ClaimDto>(`${base(coalitionId)}/claims`, input),
  release: (coalitionId: string, claimId: string) =>
    http.post<void>(`${base(coalitionId)}/claims/${claimId}/release`),
  handOff: (coalitionId: string, claimId: string, organizationId: string) =>
    http.post<void>(`${base(coalitionId)}/claims/${claimId}/hand-off`, { organizationId }),
  dashboard: (coalitionId: string) => http.get<DashboardDto>(`${base(coalitionId)}/dashboard`),
  activity: (coalitionId: string, workingGroupId: string | null) =>
    http.get<ActivityDto[]>(`${base(coalitionId)}/activity`, {
      query: workingGroupId ? { workingGroupId } : {},
    }),
};
