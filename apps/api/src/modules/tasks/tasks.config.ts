/** Settings of the tasks module: name, default and description (listed in the README). */
export const TASKS_CONFIG_SPEC = {
  TASKS_JOB_INTERVAL_MS: {
    default: 60_000,
    description:
      'How often expired claims are released and claim-expiry and due-soon reminders are sent (0 turns the job off).',
  },
} as const;

export interface TasksConfig {
  jobIntervalMs: number;
}

export function loadTasksConfig(
  env: Record<string, string | undefined> = process.env,
): TasksConfig {
  const raw = env.TASKS_JOB_INTERVAL_MS;
  const value =
    raw === undefined || raw === '' ? TASKS_CONFIG_SPEC.TASKS_JOB_INTERVAL_MS.default : Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(
      'Invalid configuration:\n  TASKS_JOB_INTERVAL_MS: must be a non-negative number',
    );
  return { jobIntervalMs: value };
}

export const TASKS_CONFIG = Symbol('TASKS_CONFIG');
