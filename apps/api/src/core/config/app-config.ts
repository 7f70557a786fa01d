import { z } from 'zod';

/**
 * Every setting of the API: name, default and description. The README's configuration table
 * is written from this list. Parsed once at boot; a bad value stops the boot with a clear message.
 */
export const CONFIG_SPEC = {
  NODE_ENV: {
    default: 'development',
    description: '`production` enables secure cookies and refuses default secrets.',
  },
  PORT: { default: '3000', description: 'HTTP port of the API and the web app.' },
  HOST: { default: '0.0.0.0', description: 'Interface to listen on.' },
  DATABASE_URL: {
    default: '',
    description:
      'PostgreSQL connection string. Empty: the embedded PostgreSQL (PGlite) under DATA_DIR.',
  },
  DATA_DIR: {
    default: './.data',
    description:
      'Where the embedded PostgreSQL keeps its files (ignored with DATABASE_URL); `:memory:` keeps nothing.',
  },
  REDIS_URL: {
    default: '',
    description: 'Redis for multi-node Socket.IO and presence. Empty: single process.',
  },
  JWT_SECRET: {
    default: 'coalesce-development-secret-change-me',
    description:
      'Secret that signs access tokens (at least 32 characters; required in production).',
    secret: true,
  },
  MFA_ENCRYPTION_KEY: {
    default: 'coalesce-development-mfa-key-change-me',
    description:
      'Secret from which the keys that encrypt two-factor (TOTP) secrets and hash recovery codes are derived (at least 32 characters, not JWT_SECRET; required in production). Keep it: with another key, enrolled authenticator apps and recovery codes no longer work.',
    secret: true,
  },
  ACCESS_TOKEN_TTL_SECONDS: { default: '900', description: 'Lifetime of an access token.' },
  REFRESH_TOKEN_TTL_DAYS: {
    default: '30',
    description: 'Lifetime of a session (refresh token family) without use.',
  },
  SEED_DEMO: {
    default: 'true',
    description: 'Seed the demo coalition on first start with an empty database.',
  },
  WEB_DIST_DIR: {
    default: '',
    description: 'Built web app to serve. Empty: apps/web/dist when it exists.',
  },
  LOG_LEVEL: {
    default: 'info',
    description: 'pino log level (fatal, error, warn, info, debug, trace, silent).',
  },
  LOG_PRETTY: {
    default: '',
    description: 'Pretty logs; default: on outside production when stdout is a terminal.',
  },
  CORS_ORIGINS: {
    default: '',
    description:
      'Comma-separated origins (scheme://host[:port]) allowed to call the API and open sockets from another origin (e.g. the Vite dev server).',
  },
  TRUST_PROXY: {
    default: 'loopback',
    description:
      'Which proxies may set X-Forwarded-For (Express `trust proxy`: `loopback`, `uniquelocal`, CIDRs, comma-separated), so rate limits and the audit log see the client address behind a reverse proxy.',
  },
  METRICS_TOKEN: {
    default: '',
    description:
      'Bearer token that GET /api/metrics requires. Empty: /api/metrics answers only direct requests from loopback (no proxy header).',
  },
  SHUTDOWN_DRAIN_MS: {
    default: '1000',
    description:
      'After SIGTERM/SIGINT, how long /api/health/ready answers 503 (and new sockets are refused) while the node still serves, before it flushes and disconnects.',
  },
  SHUTDOWN_TIMEOUT_MS: {
    default: '20000',
    description:
      'Longest graceful shutdown; past it the process exits with code 1. Keep it below the orchestrator grace period (compose: `stop_grace_period`).',
  },
} as const satisfies Record<string, SettingSpec>;

interface SettingSpec {
  default: string;
  description: string;
  /** A secret: production refuses it when it is missing, the public default, or a placeholder. */
  secret?: true;
}

export type ConfigKey = keyof typeof CONFIG_SPEC;

/** The settings marked `secret`, checked at a production boot. */
export const SECRET_SETTINGS = (Object.entries(CONFIG_SPEC) as Array<[ConfigKey, SettingSpec]>)
  .filter(([, spec]) => spec.secret)
  .map(([key]) => key);

const boolFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']),
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().min(1),
  DATABASE_URL: z.string().refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), {
    message: 'must start with postgres:// or postgresql://',
  }),
  DATA_DIR: z.string().min(1),
  REDIS_URL: z
    .string()
    .refine((v) => v === '' || /^rediss?:\/\//.test(v), { message: 'must start with redis://' }),
  JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }),
  MFA_ENCRYPTION_KEY: z.string().min(32, { message: 'must be at least 32 characters' }),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365),
  SEED_DEMO: boolFlag,
  WEB_DIST_DIR: z.string(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  LOG_PRETTY: z.enum(['true', 'false', '1', '0', '']),
  CORS_ORIGINS: z.string().superRefine((value, ctx) => {
    for (const entry of splitList(value)) {
      const problem = originProblem(entry);
      if (problem) ctx.addIssue({ code: 'custom', message: `"${entry}" ${problem}` });
    }
  }),
  TRUST_PROXY: z
    .string()
    .min(1)
    .refine((v) => v.split(',').every((part) => TRUST_PROXY_PART.test(part.trim())), {
      message: 'must be loopback, linklocal, uniquelocal, or IP addresses/CIDRs, comma-separated',
    }),
  METRICS_TOKEN: z
    .string()
    .refine((v) => v === '' || v.length >= 16, { message: 'must be at least 16 characters' }),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000),
});

/** One entry of TRUST_PROXY: a named range or an IPv4/IPv6 address with an optional prefix. */
const TRUST_PROXY_PART = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  jwtSecret: string;
  mfaEncryptionKey: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  seedDemo: boolean;
  webDistDir: string | null;
  logLevel: string;
  logPretty: boolean;
  corsOrigins: string[];
  /** Express `trust proxy` value (named ranges and addresses). */
  trustProxy: string[];
  metricsToken: string | null;
  shutdownDrainMs: number;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment (or the given overrides) into a typed config; throws ConfigError on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [key, spec] of Object.entries(CONFIG_SPEC)) {
    raw[key] = env[key] ?? spec.default;
  }
  const parsed = configSchema.safeParse(raw);
  let lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  // Every problem at once: a bad value and a missing production secret are reported together
  // (a production secret's own message replaces the generic one, e.g. "too short" for "not set").
  if (raw.NODE_ENV === 'production') {
    for (const key of SECRET_SETTINGS) {
      const problem = productionSecretProblem(env[key], CONFIG_SPEC[key].default);
      if (!problem) continue;
      lines = lines.filter((line) => !line.startsWith(`  ${key}:`));
      lines.push(`  ${key}: ${problem}`);
    }
    const mfaKey = env.MFA_ENCRYPTION_KEY;
    if (mfaKey && mfaKey === env.JWT_SECRET && !lines.some((l) => l.startsWith('  MFA_')))
      lines.push('  MFA_ENCRYPTION_KEY: use a different secret than JWT_SECRET.');
  }
  if (!parsed.success || lines.length) {
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const isProduction = c.NODE_ENV === 'production';
  const pretty =
    c.LOG_PRETTY === ''
      ? !isProduction && Boolean(process.stdout.isTTY)
      : ['true', '1'].includes(c.LOG_PRETTY);
  return {
    env: c.NODE_ENV,
    isProduction,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL || null,
    dataDir: c.DATA_DIR,
    redisUrl: c.REDIS_URL || null,
    jwtSecret: c.JWT_SECRET,
    mfaEncryptionKey: c.MFA_ENCRYPTION_KEY,
    accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
    seedDemo: c.SEED_DEMO,
    webDistDir: c.WEB_DIST_DIR || null,
    logLevel: c.LOG_LEVEL,
    logPretty: pretty,
    corsOrigins: splitList(c.CORS_ORIGINS).map((origin) => new URL(origin).origin),
    trustProxy: c.TRUST_PROXY.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    metricsToken: c.METRICS_TOKEN || null,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Why an allow-list entry is not an origin (scheme://host[:port], nothing else), or null. */
function originProblem(entry: string): string | null {
  if (entry === '*' || entry === 'null')
    return 'is not allowed: list each origin (credentials are sent to them)';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not an origin (write scheme://host[:port])';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be http:// or https://';
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    return 'must be an origin only (scheme://host[:port], no path, query or credentials)';
  return null;
}

/** Words that mark a value copied from an example rather than generated. */
const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me|placeholder|your[-_ ]?secret|^x+$/i;

/** Why a secret may not run a production server, or null. Never echoes the value. */
function productionSecretProblem(value: string | undefined, publicDefault: string): string | null {
  const fix = 'generate one, e.g. `openssl rand -base64 48`';
  if (value === undefined || value.trim() === '')
    return `required in production and not set (${fix}).`;
  if (value === publicDefault)
    return `set a secret of your own in production (the default is public; ${fix}).`;
  if (PLACEHOLDER.test(value) || new Set(value).size < 10)
    return `looks like a placeholder, not a random secret (${fix}).`;
  return null;
}
