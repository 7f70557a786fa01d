import type { z } from 'zod';
import type {
  WorkingGroupDto,
  WorkingGroupUpdate,
  workingGroupCreateSchema,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export type WorkingGroupRequest = z.input<typeof workingGroupCreateSchema>;

export const workingGroupKeys = {
  list: (coalitionId: string) => ['coalitions', coalitionId, 'working-groups'] as const,
};

const base = (coalitionId: string) =>
  `/coalitions/${encodeURIComponent(coalitionId)}/working-groups`;

export const workingGroupsApi = {
  list: (coalitionId: string) => http.get<WorkingGroupDto[]>(base(coalitionId)),
  create: (coalitionId: string, input: WorkingGroupRequest) =>
    http.post<WorkingGroupDto>(base(coalitionId), input),
  update: (coalitionId: string, groupId: string, input: WorkingGroupUpdate) =>
    http.patch<WorkingGroupDto>(`${base(coalitionId)}/${groupId}`, input),
  remove: (coalitionId: string, groupId: string) =>
    http.delete<void>(`${base(coalitionId)}/${groupId}`),
};
