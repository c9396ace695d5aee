import { ConfigError, type Env, integer, optional } from './env';

/** The push services of the browsers: Chrome/Edge/Android (FCM), Firefox, Safari, Windows. */
export const DEFAULT_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'web.push.apple.com',
  '*.notify.windows.com',
];

/** Web Push ("follow my order" notifications to phones whose page is closed or asleep). */
export interface PushSettings {
  /** VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY; unset = a pair generated once and kept in the store. */
  readonly vapidKeys: { readonly publicKey: string; readonly privateKey: string } | undefined;
  /** VAPID_SUBJECT: the contact push services may write to (mailto: or https:). */
  readonly vapidSubject: string;
  /**
   * PUSH_SERVICE_HOSTS: the only hosts the server will send to. `*.` matches any subdomain; an
   * entry may name a port (`127.0.0.1:8080`); `http` is allowed only for listed loopback hosts.
   */
  readonly serviceHosts: readonly string[];
  /** Followers of one number, and subscriptions in all. */
  readonly maxPerNumber: number;
  readonly maxTotal: number;
  /** Subscription requests (POST and DELETE) one address may make per minute. */
  readonly requestsPerMinute: number;
  /** Time limit of one request to a push service. */
  readonly timeoutMs: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function vapidKeys(env: Env): PushSettings['vapidKeys'] {
  const publicKey = optional(env, 'VAPID_PUBLIC_KEY');
  const privateKey = optional(env, 'VAPID_PRIVATE_KEY');
  if (publicKey === undefined && privateKey === undefined) return undefined;
  if (publicKey === undefined || privateKey === undefined) {
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  }
  if (!BASE64URL.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65) {
    throw new ConfigError(
      'VAPID_PUBLIC_KEY must be a P-256 public key, 65 bytes in base64url (npx web-push generate-vapid-keys)',
    );
  }
  if (!BASE64URL.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32) {
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key, 32 bytes in base64url');
  }
  return { publicKey, privateKey };
}

function vapidSubject(env: Env): string {
  const subject = optional(env, 'VAPID_SUBJECT');
  if (subject === undefined) {
    if (optional(env, 'NODE_ENV') === 'production') {
      throw new ConfigError(
        'VAPID_SUBJECT is required in production: a contact for the push services, e.g. mailto:ops@example.org or https://example.org',
      );
    }
    return 'mailto:push@localhost.invalid';
  }
  if (!/^mailto:[^@\s]+@[^@\s]+$/.test(subject) && !/^https:\/\/[^/\s]+/.test(subject)) {
    throw new ConfigError('VAPID_SUBJECT must be a mailto: or https: address');
  }
  return subject;
}

function serviceHosts(env: Env): string[] {
  const raw = optional(env, 'PUSH_SERVICE_HOSTS');
  if (raw === undefined) return DEFAULT_PUSH_SERVICE_HOSTS;
  const hosts = raw
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const valid = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$|^\[[0-9a-f:]+\](:[0-9]{1,5})?$/;
  const bad = hosts.find((host) => !valid.test(host));
  if (hosts.length === 0 || bad !== undefined) {
    throw new ConfigError(
      `PUSH_SERVICE_HOSTS must be a comma-separated list of host names (optionally *.domain or host:port)${bad ? ` (got "${bad}")` : ''}`,
    );
  }
  return hosts;
}

export function pushSettings(env: Env): PushSettings {
  return {
    vapidKeys: vapidKeys(env),
    vapidSubject: vapidSubject(env),
    serviceHosts: serviceHosts(env),
    maxPerNumber: integer(env, 'PUSH_MAX_FOLLOWERS_PER_NUMBER', 50, 1, 100_000),
    maxTotal: integer(env, 'PUSH_MAX_SUBSCRIPTIONS', 20_000, 1, 10_000_000),
    requestsPerMinute: integer(env, 'PUSH_REQUESTS_PER_MINUTE', 30, 1, 1_000_000),
    timeoutMs: integer(env, 'PUSH_TIMEOUT_MS', 10_000, 100, 60_000),
  };
}
