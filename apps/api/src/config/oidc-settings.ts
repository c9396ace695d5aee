import { ConfigError, type Env, integer, optional } from './env';

/** Staff sign-in through an OpenID provider (Microsoft Entra ID, Keycloak, …). */
export interface OidcSettings {
  /** Issuer identifier; its discovery document is `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the provider sends the browser back: PUBLIC_URL + /auth/oidc/callback by default. */
  readonly redirectUri: string;
  /** Group ids of which a person must hold one (`groups` claim); undefined = anyone. */
  readonly allowedGroups: readonly string[] | undefined;
  /** The button says "Sign in with <providerName>". */
  readonly providerName: string;
  /** Time limit of each call to the provider (discovery, token exchange). */
  readonly timeoutSeconds: number;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function httpUrl(name: string, raw: string, loopbackHttp: boolean): URL {
  if (!URL.canParse(raw)) throw new ConfigError(`${name} must be a URL (got "${raw}")`);
  const url = new URL(raw);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && loopbackHttp && LOOPBACK.test(url.hostname)) return url;
  throw new ConfigError(
    `${name} must be an https URL${loopbackHttp ? ' (http only on a loopback host such as 127.0.0.1)' : ''} (got "${raw}")`,
  );
}

function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(`${name} is required when OIDC_ISSUER is set`);
  return value;
}

/** OIDC_* settings; undefined when OIDC_ISSUER is not set (sign-in with a provider is off). */
export function oidcSettings(env: Env, publicUrl: string | undefined): OidcSettings | undefined {
  const issuer = optional(env, 'OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  const issuerUrl = httpUrl('OIDC_ISSUER', issuer, true);
  const clientId = required(env, 'OIDC_CLIENT_ID');
  const clientSecret = required(env, 'OIDC_CLIENT_SECRET');
  const redirect = optional(env, 'OIDC_REDIRECT_URI');
  if (redirect === undefined && publicUrl === undefined) {
    throw new ConfigError(
      'OIDC_REDIRECT_URI or PUBLIC_URL is required when OIDC_ISSUER is set (the provider sends staff back to PUBLIC_URL/auth/oidc/callback)',
    );
  }
  const redirectUri = redirect ?? `${publicUrl}/auth/oidc/callback`;
  httpUrl('OIDC_REDIRECT_URI', redirectUri, true);
  const groups = optional(env, 'OIDC_ALLOWED_GROUPS')
    ?.split(',')
    .map((group) => group.trim())
    .filter(Boolean);
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    allowedGroups: groups && groups.length > 0 ? groups : undefined,
    providerName: optional(env, 'OIDC_PROVIDER_NAME') ?? defaultProviderName(issuerUrl),
    timeoutSeconds: integer(env, 'OIDC_TIMEOUT_SECONDS', 10, 1, 60),
  };
}

function defaultProviderName(issuer: URL): string {
  return issuer.hostname === 'login.microsoftonline.com' ? 'Microsoft' : issuer.hostname;
}

/** ADMIN_TOKEN_LOGIN=off switches the staff token (and its login link) off; default on. */
export function adminTokenLogin(env: Env): boolean {
  const raw = optional(env, 'ADMIN_TOKEN_LOGIN') ?? 'on';
  if (raw !== 'on' && raw !== 'off') {
    throw new ConfigError(`ADMIN_TOKEN_LOGIN must be on or off (got "${raw}")`);
  }
  if (raw === 'off' && optional(env, 'OIDC_ISSUER') === undefined) {
    throw new ConfigError(
      'ADMIN_TOKEN_LOGIN=off needs OIDC_ISSUER (and its settings): otherwise nobody could log in',
    );
  }
  return raw === 'on';
}
