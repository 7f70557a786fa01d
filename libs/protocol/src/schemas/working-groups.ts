import { z } from 'zod';
import { trimmed, uuidSchema } from './common.js';

export const workingGroupCreateSchema = z
  .object({
    name: trimmed(2, 120, 'Working group name'),
    description: z.string().trim().max(2000).nullable().optional(),
    organizationIds: z.array(uuidSchema).max(200).default([]),
  })
  .strict();
export type WorkingGroupCreate = z.infer<typeof workingGroupCreateSchema>;

/** Without the create schema's defaults: a field left out of a PATCH stays as it is. */
export const workingGroupUpdateSchema = workingGroupCreateSchema
  .extend({ organizationIds: z.array(uuidSchema).max(200) })
  .partial()
  .strict();
export type WorkingGroupUpdate = z.infer<typeof workingGroupUpdateSchema>;

export const workingGroupParamsSchema = z.object({ id: uuidSchema, groupId: uuidSchema }).strict();

export interface WorkingGroupDto {
  id: string;
  coalitionId: string;
  name: string;
  description: string | null;
  organizations: Array<{ id: string; name: string }>;
  createdAt: string;
}
