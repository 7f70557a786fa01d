import type { TaskDto } from '@coalesce/protocol';
import type { Actor } from './fixtures.js';
import { expectStatus } from './expect.js';

/** Creates a task as `actor` and returns it (201 asserted). */
export async function createTask(
  actor: Actor,
  coalitionId: string,
  body: Record<string, unknown> = {},
): Promise<TaskDto> {
  return expectStatus(
    await actor.client.post<TaskDto>(`/coalitions/${coalitionId}/tasks`, {
      title: `Task ${Math.random().toString(36).slice(2, 8)}`,
      ...body,
    }),
    201,
  );
}
