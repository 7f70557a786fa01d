import type { EntityManager } from 'typeorm';
import type { FieldError } from '@coalesce/protocol';
import { AppError } from '../../core/errors/app-error.js';

type Db = Pick<EntityManager, 'query'>;

export interface TaskReferences {
  assigneeOrgId?: string | null;
  assigneeUserId?: string | null;
  workingGroupId?: string | null;
  parentId?: string | null;
}

/**
 * Checks that what a task points to belongs to the coalition: the assignee organization is a
 * member that may work (not an observer), the assignee person works for the assignee organization (or for a member organization
 * when none is given), the working group and the parent task are the coalition's. Any miss is a
 * 400 on the field. Returns the assignee organization implied by the person.
 */
export async function checkTaskReferences(
  m: Db,
  coalitionId: string,
  refs: TaskReferences,
  taskId?: string,
): Promise<{ assigneeOrgId: string | null | undefined }> {
  const fields: FieldError[] = [];
  let assigneeOrgId = refs.assigneeOrgId;
  if (refs.assigneeOrgId) {
    const rows: Array<{ role: string }> = await m.query(
      'SELECT role FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
      [coalitionId, refs.assigneeOrgId],
    );
    if (!rows.length)
      fields.push({
        path: 'assigneeOrgId',
        message: 'This organization is not a member of the coalition.',
      });
    else if (rows[0].role === 'observer')
      fields.push({
        path: 'assigneeOrgId',
        message: 'An observer organization only reads; it cannot be assigned work.',
      });
  }
  if (refs.assigneeUserId) {
    const rows: Array<{ organization_id: string }> = await m.query(
      `SELECT u.organization_id FROM users u
         JOIN coalition_members cm ON cm.organization_id = u.organization_id AND cm.coalition_id = $1
        WHERE u.id = $2 AND u.disabled_at IS NULL AND cm.role <> 'observer'`,
      [coalitionId, refs.assigneeUserId],
    );
    if (!rows.length)
      fields.push({
        path: 'assigneeUserId',
        message: 'This person does not work for a member organization of the coalition.',
      });
    else if (refs.assigneeOrgId && rows[0].organization_id !== refs.assigneeOrgId)
      fields.push({
        path: 'assigneeUserId',
        message: 'This person does not work for the assigned organization.',
      });
    else assigneeOrgId = rows[0].organization_id;
  }
  if (refs.workingGroupId) {
    const rows = await m.query('SELECT 1 FROM working_groups WHERE id = $1 AND coalition_id = $2', [
      refs.workingGroupId,
      coalitionId,
    ]);
    if (!rows.length)
      fields.push({ path: 'workingGroupId', message: 'No such working group in this coalition.' });
  }
  if (refs.parentId) {
    const rows: Array<{ parent_id: string | null }> = await m.query(
      'SELECT parent_id FROM tasks WHERE id = $1 AND coalition_id = $2',
      [refs.parentId, coalitionId],
    );
    if (!rows.length || refs.parentId === taskId)
      fields.push({ path: 'parentId', message: 'No such task in this coalition.' });
  }
  if (fields.length) throw AppError.validation(fields);
  return { assigneeOrgId };
}
