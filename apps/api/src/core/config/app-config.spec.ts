import { describe, expect, it } from '@jest/globals';
import { CONFIG_SPEC, ConfigError, SECRET_SETTINGS, loadConfig } from './app-config.js';

const SECRET = 'a-production-secret-of-at-least-32-characters';
const MFA_KEY = 'another-production-secret-for-two-factor-keys';

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('runs with no settings at all, on the documented defaults', () => {
    const config = loadConfig({ LOG_PRETTY: 'false' });
    expect(config).toEqual({
      env: 'development',
      isProduction: false,
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      dataDir: './.data',
      redisUrl: null,
      jwtSecret: CONFIG_SPEC.JWT_SECRET.default,
      mfaEncryptionKey: CONFIG_SPEC.MFA_ENCRYPTION_KEY.default,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      seedDemo: true,
      webDistDir: null,
      logLevel: 'info',
      logPretty: false,
      corsOrigins: [],
      trustProxy: ['loopback'],
      metricsToken: null,
      shutdownDrainMs: 1000,
      shutdownTimeoutMs: 20000,
    });
  });

  it('describes every setting and gives it a default', () => {
    for (const [key, spec] of Object.entries(CONFIG_SPEC)) {
      expect({ key, description: spec.description.length > 10 }).toEqual({
        key,
        description: true,
      });
      expect(typeof spec.default).toBe('string');
    }
  });

  it('reads and converts the settings it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:pw@db:5432/coalesce',
      REDIS_URL: 'rediss://cache:6380',
      JWT_SECRET: SECRET,
      MFA_ENCRYPTION_KEY: MFA_KEY,
      ACCESS_TOKEN_TTL_SECONDS: '300',
      SEED_DEMO: '0',
      CORS_ORIGINS: ' http://localhost:5173 , https://app.example.org ,',
      LOG_PRETTY: '1',
    });
    expect(config).toMatchObject({
      env: 'production',
      isProduction: true,
      port: 8080,
      databaseUrl: 'postgresql://app:pw@db:5432/coalesce',
      redisUrl: 'rediss://cache:6380',
      jwtSecret: SECRET,
      mfaEncryptionKey: MFA_KEY,
      accessTokenTtlSeconds: 300,
      seedDemo: false,
      logPretty: true,
      corsOrigins: ['http://localhost:5173', 'https://app.example.org'],
    });
  });

  it('refuses the public default JWT_SECRET in production, with a clear message', () => {
    const message = failure({ NODE_ENV: 'production' });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/JWT_SECRET/);
    expect(message).toMatch(/production/);
    // The same default is fine outside production.
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toBe(CONFIG_SPEC.JWT_SECRET.default);
    expect(loadConfig({ NODE_ENV: 'test' }).jwtSecret).toBe(CONFIG_SPEC.JWT_SECRET.default);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, MFA_ENCRYPTION_KEY: MFA_KEY })
        .isProduction,
    ).toBe(true);
  });

  it('refuses a missing or default MFA_ENCRYPTION_KEY in production, and one equal to JWT_SECRET', () => {
    const missing = failure({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    expect(missing).toMatch(/^Invalid configuration:/);
    expect(missing).toMatch(/MFA_ENCRYPTION_KEY: required in production and not set/);
    expect(
      failure({
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        MFA_ENCRYPTION_KEY: CONFIG_SPEC.MFA_ENCRYPTION_KEY.default,
      }),
    ).toMatch(/MFA_ENCRYPTION_KEY/);
    expect(
      failure({ NODE_ENV: 'production', JWT_SECRET: SECRET, MFA_ENCRYPTION_KEY: SECRET }),
    ).toMatch(/MFA_ENCRYPTION_KEY: use a different secret than JWT_SECRET/);
    expect(failure({ MFA_ENCRYPTION_KEY: 'short' })).toMatch(
      /MFA_ENCRYPTION_KEY: must be at least 32/,
    );
    // The default is fine outside production.
    expect(loadConfig({ NODE_ENV: 'development' }).mfaEncryptionKey).toBe(
      CONFIG_SPEC.MFA_ENCRYPTION_KEY.default,
    );
  });

  it('in production, refuses every secret setting that is missing, the default or a placeholder, without echoing it', () => {
    expect(SECRET_SETTINGS).toEqual(['JWT_SECRET', 'MFA_ENCRYPTION_KEY']);
    for (const key of SECRET_SETTINGS) {
      const others = Object.fromEntries(
        SECRET_SETTINGS.filter((k) => k !== key).map((k) => [k, `${k}-${SECRET}`]),
      );
      const cases: Array<[string | undefined, RegExp]> = [
        [undefined, /required in production and not set/],
        ['', /required in production and not set/],
        [CONFIG_SPEC[key].default, /the default is public/],
        ['please-change-me-before-going-live-0123456789', /placeholder/],
        ['a'.repeat(48), /placeholder/],
      ];
      for (const [value, problem] of cases) {
        const env: Record<string, string> = { NODE_ENV: 'production', ...others };
        if (value !== undefined) env[key] = value;
        const message = failure(env);
        expect(message).toMatch(new RegExp(`^Invalid configuration:\\n  ${key}: `));
        expect(message).toMatch(problem);
        expect(message).toMatch(/openssl rand/);
        if (value) expect(message).not.toContain(value);
      }
    }
    // Reported together with the other bad settings, not one at a time.
    const both = failure({ NODE_ENV: 'production', PORT: 'eighty' });
    expect(both).toContain('  PORT:');
    expect(both).toContain('  JWT_SECRET: required in production');
  });

  it('reads CORS_ORIGINS as origins and refuses anything else', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'HTTPS://App.Example.org:443/, http://localhost:5173' })
        .corsOrigins,
    ).toEqual(['https://app.example.org', 'http://localhost:5173']);
    for (const [entry, problem] of [
      ['*', /is not allowed/],
      ['null', /is not allowed/],
      ['app.example.org', /is not an origin/],
      ['ftp://files.example.org', /must be http/],
      ['https://app.example.org/path', /origin only/],
      ['https://user:pw@app.example.org', /origin only/],
    ] as const) {
      expect(failure({ CORS_ORIGINS: `http://localhost:5173,${entry}` })).toMatch(
        new RegExp(`CORS_ORIGINS: "${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" `),
      );
      expect(failure({ CORS_ORIGINS: entry })).toMatch(problem);
    }
  });

  it('refuses a short JWT_SECRET', () => {
    expect(failure({ JWT_SECRET: 'too-short' })).toMatch(/JWT_SECRET: must be at least 32/);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    for (const url of ['mysql://db/coalesce', 'db:5432', 'sqlite:///tmp/x.db']) {
      expect(failure({ DATABASE_URL: url })).toMatch(
        /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//,
      );
    }
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).databaseUrl).toBe(
      'postgres://localhost/x',
    );
  });

  it('reads the proxy, metrics and shutdown settings, and refuses bad ones', () => {
    expect(
      loadConfig({
        TRUST_PROXY: 'loopback, uniquelocal,10.0.0.0/8',
        METRICS_TOKEN: 'a-scrape-token-0123',
        SHUTDOWN_DRAIN_MS: '0',
        SHUTDOWN_TIMEOUT_MS: '5000',
      }),
    ).toMatchObject({
      trustProxy: ['loopback', 'uniquelocal', '10.0.0.0/8'],
      metricsToken: 'a-scrape-token-0123',
      shutdownDrainMs: 0,
      shutdownTimeoutMs: 5000,
    });
    expect(failure({ TRUST_PROXY: 'everyone' })).toMatch(/TRUST_PROXY: must be loopback/);
    expect(failure({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN: must be at least 16/);
    expect(failure({ SHUTDOWN_TIMEOUT_MS: '10' })).toMatch(/SHUTDOWN_TIMEOUT_MS:/);
    expect(failure({ SHUTDOWN_DRAIN_MS: '-1' })).toMatch(/SHUTDOWN_DRAIN_MS:/);
  });

  it('lists every bad setting at once', () => {
    const message = failure({
      NODE_ENV: 'staging',
      PORT: 'eighty',
      REDIS_URL: 'localhost:6379',
      ACCESS_TOKEN_TTL_SECONDS: '5',
      SEED_DEMO: 'yes',
      LOG_LEVEL: 'loud',
    });
    for (const key of [
      'NODE_ENV',
      'PORT',
      'REDIS_URL',
      'ACCESS_TOKEN_TTL_SECONDS',
      'SEED_DEMO',
      'LOG_LEVEL',
    ])
      expect(message).toContain(`  ${key}:`);
  });
});
