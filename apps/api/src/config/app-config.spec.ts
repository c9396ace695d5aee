import { runServerToExit } from '../../test/support/server-process';
import { ConfigError, loadConfig, STAR_COMMUNITY_PRODUCTION_KEY_URL } from './app-config';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded store under ./data, 300 s orders', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, orderTimeoutSeconds: 300, storeKind: 'sqlite' });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.webhookKeySource.kind).toBe('dev');
  });

  it('reads the body size caps, 16 KB / 2 MB / 64 KB by default', () => {
    expect(loadConfig({}).http.bodyLimits).toEqual({
      webhookBytes: 16_384,
      addOrderBytes: 2_097_152,
      jsonBytes: 65_536,
    });
    expect(loadConfig({ WEBHOOK_BODY_LIMIT_BYTES: '4096' }).http.bodyLimits.webhookBytes).toBe(
      4096,
    );
    expect(() => loadConfig({ JSON_BODY_LIMIT_BYTES: '64kb' })).toThrow(/JSON_BODY_LIMIT_BYTES/);
    expect(() => loadConfig({ WEBHOOK_BODY_LIMIT_BYTES: '10' })).toThrow(
      /WEBHOOK_BODY_LIMIT_BYTES/,
    );
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hubble' }).storeKind).toBe('postgres');
  });

  it('requires a strong ADMIN_TOKEN in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^ADMIN_TOKEN is required/);
    expect(loadConfig({}).adminToken).toBeUndefined();
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/^ADMIN_TOKEN must be at least 16/);
    expect(loadConfig({ ADMIN_TOKEN: 'a-long-enough-token' }).adminToken).toBe(
      'a-long-enough-token',
    );
  });

  it("uses Star Community's production key in production when nothing else is configured", () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        ADMIN_TOKEN: 'x'.repeat(16),
        VAPID_SUBJECT: 'mailto:ops@example.org',
      }).webhookKeySource,
    ).toEqual({
      kind: 'url',
      url: STAR_COMMUNITY_PRODUCTION_KEY_URL,
    });
  });

  it.each([
    [{ ORDER_TIMEOUT_SECONDS: 'abc' }, /^ORDER_TIMEOUT_SECONDS must be a whole number/],
    [{ ORDER_TIMEOUT_SECONDS: '0' }, /^ORDER_TIMEOUT_SECONDS/],
    [{ PORT: '70000' }, /^PORT/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'mysql://db/x' }, /^DATABASE_URL must start with postgres/],
    [{ NODE_ENV: 'prod' }, /^NODE_ENV/],
    [{ STAR_COMMUNITY_PUBLIC_KEY_URL: 'ftp://x' }, /^STAR_COMMUNITY_PUBLIC_KEY_URL/],
    [{ AURORA_URL: 'http://aurora.local' }, /^AURORA_API_KEY is required when AURORA_URL is set/],
    [{ AURORA_URL: 'aurora.local', AURORA_API_KEY: 'k' }, /^AURORA_URL must be an http\(s\) URL/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL must be a URL like redis:/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be at least 16/],
    [{ MAX_CONNECTIONS: 'many' }, /^MAX_CONNECTIONS must be a whole number/],
    [{ MAX_CONNECTIONS: '0' }, /^MAX_CONNECTIONS/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '10' }, /^HTTP_HEADERS_TIMEOUT_MS/],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '8000', HTTP_REQUEST_TIMEOUT_MS: '4000' },
      /^HTTP_REQUEST_TIMEOUT_MS \(4000\) must not be below HTTP_HEADERS_TIMEOUT_MS/,
    ],
    [
      { AURORA_URL: 'http://a', AURORA_API_KEY: 'k', AURORA_REASSERT_SECONDS: '0' },
      /^AURORA_REASSERT_SECONDS/,
    ],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('leaves Aurora sync off without AURORA_URL and reads it fully when set', () => {
    expect(loadConfig({ AURORA_API_KEY: 'k' }).aurora).toBeUndefined();
    expect(
      loadConfig({ AURORA_URL: 'https://aurora.example.org/', AURORA_API_KEY: 'k' }).aurora,
    ).toEqual({
      url: 'https://aurora.example.org',
      apiKey: 'k',
      reassertSeconds: 60,
      timeoutMs: 5000,
    });
  });

  it('reuses an Aurora probe for 10 s by default, AURORA_PROBE_CACHE_MS from 100 ms', () => {
    expect(loadConfig({}).auroraDelivery.probeCacheMs).toBe(10_000);
    expect(loadConfig({ AURORA_PROBE_CACHE_MS: '500' }).auroraDelivery.probeCacheMs).toBe(500);
    expect(() => loadConfig({ AURORA_PROBE_CACHE_MS: '50' })).toThrow(/AURORA_PROBE_CACHE_MS/);
    expect(() => loadConfig({ AURORA_PROBE_CACHE_MS: '1s' })).toThrow(/AURORA_PROBE_CACHE_MS/);
  });

  it('does not echo a malformed DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres//user:s3cret@db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});

describe('the server with a wrong configuration', () => {
  const cases: [string, Record<string, string>][] = [
    ['ORDER_TIMEOUT_SECONDS', { ORDER_TIMEOUT_SECONDS: 'abc' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres//nohost' }],
    ['AURORA_API_KEY', { AURORA_URL: 'http://127.0.0.1:9' }],
    ['ADMIN_TOKEN', { NODE_ENV: 'production' }],
    ['VAPID_SUBJECT', { NODE_ENV: 'production', ADMIN_TOKEN: 'x'.repeat(16) }],
  ];
  // Each case is its own process: start them all at once; each test checks its own.
  let runs: Map<string, ReturnType<typeof runServerToExit>>;
  beforeAll(() => {
    runs = new Map(cases.map(([variable, env]) => [variable, runServerToExit(env)]));
  });
  afterAll(async () => {
    await Promise.all(runs.values());
  });

  it.each(cases)(
    'stops with one clear line naming %s',
    async (variable) => {
      const { code, output } = await runs.get(variable)!;
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toEqual([expect.stringContaining(variable)]);
      expect(output).toMatch(/^Configuration error: /);
    },
    60_000, // five node processes start together on a loaded machine
  );
});
