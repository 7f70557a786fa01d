/** Settings of the collaboration engine: name, default and description (listed in the README). */
export const COLLAB_CONFIG_SPEC = {
  COLLAB_COMMIT_WINDOW_MS: {
    default: 0,
    description:
      'Extra wait before a group commit starts (0: the next event-loop turn). Updates that arrive while a commit is being written always share the next one.',
  },
  COLLAB_COMMIT_MAX_BATCH: { default: 500, description: 'Most updates in one group commit.' },
  COLLAB_COMMITS_IN_FLIGHT: {
    default: 2,
    description:
      'Group commits written at once (on separate connections); a batch that builds on an earlier one still in flight is refused by the database unless that one commits (1: one at a time).',
  },
  COLLAB_CACHE_MB: {
    default: 64,
    description:
      'Budget of the in-memory cache of merged document states (an LRU; nothing depends on it).',
  },
  COLLAB_COMPACT_AFTER_UPDATES: {
    default: 500,
    description:
      'Compact a document when its update log holds this many updates (and at least 1/8 of its snapshot size in bytes)...',
  },
  COLLAB_COMPACT_AFTER_BYTES: { default: 1024 * 1024, description: '...or this many bytes.' },
  COLLAB_COMPACT_ON_SHUTDOWN_AFTER_UPDATES: {
    default: 50,
    description:
      'At a graceful shutdown, compact every document whose log holds at least this many updates (0: never), so the next process loads snapshots.',
  },
  COLLAB_COMPACTION_INTERVAL_MS: {
    default: 1000,
    description: 'How often the compaction and checkpoint job looks for work (0 turns it off).',
  },
  COLLAB_CHECKPOINT_MINUTES: {
    default: 10,
    description:
      'At most one automatic version checkpoint per document per this many minutes of editing.',
  },
  COLLAB_PERMISSION_CACHE_MS: {
    default: 2000,
    description:
      'How long an edit permission stays cached per organization and document (refreshed in the background once past half of it); access changes clear it at once.',
  },
} as const;

export interface CollabConfig {
  commitWindowMs: number;
  commitMaxBatch: number;
  commitsInFlight: number;
  cacheBytes: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  compactOnShutdownAfterUpdates: number;
  compactionIntervalMs: number;
  checkpointMinutes: number;
  permissionCacheMs: number;
}

type CollabKey = keyof typeof COLLAB_CONFIG_SPEC;

function read(env: Record<string, string | undefined>, key: CollabKey): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return COLLAB_CONFIG_SPEC[key].default;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`Invalid configuration:\n  ${key}: must be a non-negative number`);
  return value;
}

export function loadCollabConfig(
  env: Record<string, string | undefined> = process.env,
): CollabConfig {
  return {
    commitWindowMs: read(env, 'COLLAB_COMMIT_WINDOW_MS'),
    commitMaxBatch: Math.max(1, read(env, 'COLLAB_COMMIT_MAX_BATCH')),
    commitsInFlight: Math.max(1, Math.floor(read(env, 'COLLAB_COMMITS_IN_FLIGHT'))),
    cacheBytes: read(env, 'COLLAB_CACHE_MB') * 1024 * 1024,
    compactAfterUpdates: Math.max(1, read(env, 'COLLAB_COMPACT_AFTER_UPDATES')),
    compactAfterBytes: read(env, 'COLLAB_COMPACT_AFTER_BYTES'),
    compactOnShutdownAfterUpdates: read(env, 'COLLAB_COMPACT_ON_SHUTDOWN_AFTER_UPDATES'),
    compactionIntervalMs: read(env, 'COLLAB_COMPACTION_INTERVAL_MS'),
    checkpointMinutes: read(env, 'COLLAB_CHECKPOINT_MINUTES'),
    permissionCacheMs: read(env, 'COLLAB_PERMISSION_CACHE_MS'),
  };
}

export const COLLAB_CONFIG = Symbol('COLLAB_CONFIG');
