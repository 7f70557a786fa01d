/** Settings of the collaboration engine, with defaults; read once from the environment. */
export interface CollabConfig {
  /** Longest wait before a group commit starts (ms); updates arriving meanwhile share the transaction. */
  commitWindowMs: number;
  /** Most updates in one group commit. */
  commitMaxBatch: number;
  /** Budget of the merged-state cache (bytes). */
  cacheBytes: number;
  /** Compact a document when its update log holds this many updates... */
  compactAfterUpdates: number;
  /** ...or this many bytes. */
  compactAfterBytes: number;
  /** How often the compaction and checkpoint job looks for work (ms). */
  compactionIntervalMs: number;
  /** At most one automatic checkpoint per document per this many minutes of editing. */
  checkpointMinutes: number;
  /** How long an edit permission stays cached per socket and document (ms); access changes clear it at once. */
  permissionCacheMs: number;
}

const number = (env: Record<string, string | undefined>, key: string, fallback: number): number => {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${key} must be a non-negative number`);
  return value;
};

export function loadCollabConfig(
  env: Record<string, string | undefined> = process.env,
): CollabConfig {
  return {
    commitWindowMs: number(env, 'COLLAB_COMMIT_WINDOW_MS', 2),
    commitMaxBatch: number(env, 'COLLAB_COMMIT_MAX_BATCH', 500),
    cacheBytes: number(env, 'COLLAB_CACHE_MB', 64) * 1024 * 1024,
    compactAfterUpdates: number(env, 'COLLAB_COMPACT_AFTER_UPDATES', 500),
    compactAfterBytes: number(env, 'COLLAB_COMPACT_AFTER_BYTES', 1024 * 1024),
    compactionIntervalMs: number(env, 'COLLAB_COMPACTION_INTERVAL_MS', 1000),
    checkpointMinutes: number(env, 'COLLAB_CHECKPOINT_MINUTES', 10),
    permissionCacheMs: number(env, 'COLLAB_PERMISSION_CACHE_MS', 2000),
  };
}

export const COLLAB_CONFIG = Symbol('COLLAB_CONFIG');
