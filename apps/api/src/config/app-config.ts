import { resolve } from 'node:path';
import { type AuroraDeliverySettings, auroraDeliverySettings } from './aurora-delivery-settings';
import { type BrandingSettings, brandingSettings } from './branding-settings';
import { ConfigError, type Env, integer, optional } from './env';
import { cafeTimeZone, orderRetentionDays } from './insights-settings';
import { type WebhookSettings, webhookSettings } from './webhook-settings';
import { trustProxy, type TrustProxySetting } from './proxy-settings';
import { frameAncestors } from './security-headers-settings';
import { adminTokenLogin, oidcSettings, type OidcSettings } from './oidc-settings';
import { type HttpSettings, httpSettings } from './http-settings';
import { type PushSettings, pushSettings } from './push-settings';

export { ConfigError } from './env';

export type NodeEnv = 'development' | 'production' | 'test';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const STAR_COMMUNITY_PRODUCTION_KEY_URL =
  'https://api.starcommunity.app/.well-known/webhooks.key';

/**
 * A PEM file (development, offline), a URL (Star Community's key server), or — in development
 * when neither is configured — the generated development key in `dir` that `npm run webhook`
 * signs with.
 */
export type WebhookKeySource =
  { kind: 'file'; path: string } | { kind: 'url'; url: string } | { kind: 'dev'; dir: string };

/** Where and how to reach Aurora (the poster screens); absent when AURORA_URL is not set. */
export interface AuroraSettings {
  /** Base URL; calls go to `${url}/api/orders`. */
  readonly url: string;
  readonly apiKey: string;
  /** How often all active orders are added again, so a restarted Aurora is whole again. */
  readonly reassertSeconds: number;
  /** Time limit of one call. */
  readonly timeoutMs: number;
}

/** Every setting, by name: a feature adds its fields here and in {@link loadConfig}. */
export interface AppConfigFields {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string | undefined;
  /** Directory of the embedded store (node:sqlite); unused when {@link databaseUrl} is set. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces the embedded store. */
  readonly databaseUrl: string | undefined;
  readonly orderTimeoutSeconds: number;
  /** How often every instance sweeps for due orders, as a safety net behind precise timers. */
  readonly expirySweepMs: number;
  /** Built web apps to serve (board at `/`, back-office at `/admin`); none in unit tests. */
  readonly webRoot: string | undefined;
  /** Where the Star Community public key comes from; see {@link WebhookKeySource}. */
  readonly webhookKeySource: WebhookKeySource;
  readonly webhookKeyTtlSeconds: number;
  /** Key grace period, key fetch timeout, refusal limit of the webhooks. */
  readonly webhook: WebhookSettings;
  /** Aurora sync; `undefined` means sync is off. */
  readonly aurora: AuroraSettings | undefined;
  /** Pacing of Aurora calls: safety-net poll, probe while backing off, retry of refusals. */
  readonly auroraDelivery: AuroraDeliverySettings;
  /**
   * The staff token (ADMIN_TOKEN). Required in production; elsewhere, when unset, the admin
   * module generates one (kept in DATA_DIR) and prints a login link in development.
   */
  readonly adminToken: string | undefined;
  /** The public origin (e.g. https://orders.hubble.cafe), for links and same-origin checks. */
  readonly publicUrl: string | undefined;
  /** PUBLIC_URL exactly as configured (a path kept): where the kiosk's QR code sends customers. */
  readonly boardAddress: string | undefined;
  /** Redis for Socket.IO fan-out across instances; unset = one instance, no Redis. */
  readonly redisUrl: string | undefined;
  /** Prefix of the Redis pub/sub channels, so deployments can share one Redis. */
  readonly redisChannelPrefix: string;
  /** Bearer token for GET /metrics; unset = /metrics is off. */
  readonly metricsToken: string | undefined;
  readonly logLevel: LogLevel;
  /** IANA time zone of the café (CAFE_TIME_ZONE): insights count days and hours in it. */
  readonly cafeTimeZone: string;
  /** Removed orders are kept this many days (ORDER_RETENTION_DAYS), then pruned. */
  readonly orderRetentionDays: number;
  /** Which nearest hop may set X-Forwarded-For / -Proto (TRUST_PROXY). */
  readonly trustProxy: TrustProxySetting;
  /** CSP frame-ancestors sources for the board (FRAME_ANCESTORS); the back-office: none. */
  readonly frameAncestors: readonly string[];
  /** Staff sign-in with an OpenID provider; undefined = off. */
  readonly oidc: OidcSettings | undefined;
  /** Whether the staff token and its login link open sessions (ADMIN_TOKEN_LOGIN). */
  readonly adminTokenLogin: boolean;
  /** Connection cap and request timeouts of the HTTP server. */
  readonly http: HttpSettings;
  /** The café's name, logo and colours (BRAND_*); see {@link BrandingSettings}. */
  readonly branding: BrandingSettings;
  /** Web Push for followed orders; see {@link PushSettings}. */
  readonly push: PushSettings;
}

/** The validated configuration. Built once at start by {@link loadConfig}; read-only after. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface AppConfig extends AppConfigFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppConfig {
  constructor(fields: AppConfigFields) {
    Object.assign(this, fields);
  }

  get storeKind(): 'sqlite' | 'postgres' {
    return this.databaseUrl ? 'postgres' : 'sqlite';
  }
}

function nodeEnv(env: Env): NodeEnv {
  const raw = optional(env, 'NODE_ENV') ?? 'development';
  if (raw !== 'development' && raw !== 'production' && raw !== 'test') {
    throw new ConfigError(`NODE_ENV must be development, production or test (got "${raw}")`);
  }
  return raw;
}

function databaseUrl(env: Env): string | undefined {
  const raw = optional(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL must be a URL like postgres://user@host:5432/database (it is not a valid URL)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}//…")`,
    );
  }
  if (!url.hostname || url.pathname.length < 2) {
    throw new ConfigError('DATABASE_URL must name a host and a database, e.g. postgres://host/db');
  }
  return raw;
}

function webhookKeySource(env: Env): WebhookKeySource {
  const file = optional(env, 'STAR_COMMUNITY_PUBLIC_KEY_FILE');
  if (file) return { kind: 'file', path: resolve(file) };
  const url = optional(env, 'STAR_COMMUNITY_PUBLIC_KEY_URL');
  if (url) {
    if (!/^https?:\/\/[^/]+/.test(url) || !URL.canParse(url)) {
      throw new ConfigError(`STAR_COMMUNITY_PUBLIC_KEY_URL must be an http(s) URL (got "${url}")`);
    }
    return { kind: 'url', url };
  }
  if (nodeEnv(env) === 'production') return { kind: 'url', url: STAR_COMMUNITY_PRODUCTION_KEY_URL };
  return { kind: 'dev', dir: resolve(optional(env, 'DEV_KEY_DIR') ?? '.dev-keys') };
}

function aurora(env: Env): AuroraSettings | undefined {
  const url = optional(env, 'AURORA_URL');
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^/]+/.test(url) || !URL.canParse(url)) {
    throw new ConfigError(`AURORA_URL must be an http(s) URL like https://aurora.example.org`);
  }
  const apiKey = optional(env, 'AURORA_API_KEY');
  if (apiKey === undefined) {
    throw new ConfigError('AURORA_API_KEY is required when AURORA_URL is set');
  }
  return {
    url: url.replace(/\/+$/, ''),
    apiKey,
    reassertSeconds: integer(env, 'AURORA_REASSERT_SECONDS', 60, 1, 86400),
    timeoutMs: integer(env, 'AURORA_TIMEOUT_MS', 5000, 100, 60000),
  };
}

const ADMIN_TOKEN_MIN_LENGTH = 16;

function adminToken(env: Env): string | undefined {
  const token = optional(env, 'ADMIN_TOKEN');
  if (token === undefined) {
    if (nodeEnv(env) === 'production') {
      throw new ConfigError(
        `ADMIN_TOKEN is required in production (a random string of at least ${ADMIN_TOKEN_MIN_LENGTH} characters, e.g. from \`openssl rand -base64 24\`)`,
      );
    }
    return undefined;
  }
  if (token.length < ADMIN_TOKEN_MIN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(
      `ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN_LENGTH} printable characters without spaces`,
    );
  }
  return token;
}

function publicUrl(env: Env): string | undefined {
  const url = optional(env, 'PUBLIC_URL');
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^/]+/.test(url) || !URL.canParse(url)) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) URL like https://orders.example.org`);
  }
  return new URL(url).origin;
}

function redisUrl(env: Env): string | undefined {
  const url = optional(env, 'REDIS_URL');
  if (url === undefined) return undefined;
  if (!/^rediss?:\/\/[^/]*/.test(url) || !URL.canParse(url)) {
    throw new ConfigError('REDIS_URL must be a URL like redis://127.0.0.1:6379');
  }
  return url;
}

function redisChannelPrefix(env: Env): string {
  const prefix = optional(env, 'REDIS_CHANNEL_PREFIX') ?? 'hubble';
  if (!/^[A-Za-z0-9:_-]{1,64}$/.test(prefix)) {
    throw new ConfigError('REDIS_CHANNEL_PREFIX must be 1–64 letters, digits, ":", "_" or "-"');
  }
  return prefix;
}

function logLevel(env: Env): LogLevel {
  const level = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  }
  return level as LogLevel;
}

function metricsToken(env: Env): string | undefined {
  const token = optional(env, 'METRICS_TOKEN');
  if (token !== undefined && token.length < 16) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  }
  return token;
}

/**
 * Reads and validates the environment. Throws {@link ConfigError} on the first wrong value;
 * never echoes secrets (a bad DATABASE_URL is described, not printed).
 */
export function loadConfig(env: Env, defaults: { webRoot?: string } = {}): AppConfig {
  return new AppConfig({
    nodeEnv: nodeEnv(env),
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST'),
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    databaseUrl: databaseUrl(env),
    orderTimeoutSeconds: integer(env, 'ORDER_TIMEOUT_SECONDS', 300, 1, 86400),
    expirySweepMs: integer(env, 'EXPIRY_SWEEP_MS', 1000, 50, 60000),
    webRoot: optional(env, 'WEB_ROOT') ?? defaults.webRoot,
    webhookKeySource: webhookKeySource(env),
    webhookKeyTtlSeconds: integer(env, 'STAR_COMMUNITY_KEY_TTL_SECONDS', 3600, 10, 7 * 86400),
    webhook: webhookSettings(env),
    aurora: aurora(env),
    auroraDelivery: auroraDeliverySettings(env),
    adminToken: adminToken(env),
    publicUrl: publicUrl(env),
    boardAddress: publicUrl(env) && optional(env, 'PUBLIC_URL'),
    redisUrl: redisUrl(env),
    redisChannelPrefix: redisChannelPrefix(env),
    metricsToken: metricsToken(env),
    logLevel: logLevel(env),
    cafeTimeZone: cafeTimeZone(env),
    orderRetentionDays: orderRetentionDays(env),
    trustProxy: trustProxy(env),
    frameAncestors: frameAncestors(env),
    oidc: oidcSettings(env, publicUrl(env)),
    adminTokenLogin: adminTokenLogin(env),
    http: httpSettings(env),
    branding: brandingSettings(env),
    push: pushSettings(env),
  });
}
