/** Settings of data ownership (exports, erasure): name, default and description (listed in the README). */
export const ORG_DATA_CONFIG_SPEC = {
  ORG_EXPORT_TTL_HOURS: {
    default: 24,
    description:
      'How long a finished organization export can be downloaded; then its file is deleted.',
  },
  ORG_DATA_JOB_INTERVAL_MS: {
    default: 60_000,
    description:
      'How often expired export files are deleted, interrupted exports are marked failed and interrupted contribution replacements and erasures are resumed (0 turns the job off).',
  },
} as const;

export interface OrgDataConfig {
  exportTtlHours: number;
  jobIntervalMs: number;
}

export function loadOrgDataConfig(
  env: Record<string, string | undefined> = process.env,
): OrgDataConfig {
  const problems: string[] = [];
  const read = (key: keyof typeof ORG_DATA_CONFIG_SPEC, check: (n: number) => boolean) => {
    const raw = env[key];
    if (raw === undefined || raw === '') return ORG_DATA_CONFIG_SPEC[key].default;
    const value = Number(raw);
    if (!Number.isFinite(value) || !check(value)) problems.push(key);
    return value;
  };
  const config = {
    exportTtlHours: read('ORG_EXPORT_TTL_HOURS', (n) => n > 0 && n <= 24 * 30),
    jobIntervalMs: read('ORG_DATA_JOB_INTERVAL_MS', (n) => n >= 0),
  };
  if (problems.length) {
    throw new Error(
      `Invalid configuration:\n${problems
        .map((key) =>
          key === 'ORG_EXPORT_TTL_HOURS'
            ? '  ORG_EXPORT_TTL_HOURS: must be a number of hours above 0, at most 720'
            : '  ORG_DATA_JOB_INTERVAL_MS: must be a non-negative number',
        )
        .join('\n')}`,
    );
  }
  return config;
}

export const ORG_DATA_CONFIG = Symbol('ORG_DATA_CONFIG');
