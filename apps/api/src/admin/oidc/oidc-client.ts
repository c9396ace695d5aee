import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '../../config';
import type { OidcSettings } from '../../config';

/** How long discovered metadata is used before it is fetched again. */
const DISCOVERY_TTL_MS = 3600_000;

const SCOPE = 'openid profile email';

/** What the callback needs to finish a sign-in it started. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The ID token's claims after every check passed (signature, iss, aud, exp, nonce). */
export type VerifiedClaims = oidc.IDToken;

/**
 * The OpenID provider as this app uses it (openid-client: Authorization Code flow with PKCE,
 * state and nonce). Discovery happens at the first sign-in, with a time limit, and is cached;
 * a failed discovery is tried again on the next sign-in.
 */
@Injectable()
export class OidcClient {
  private discovered: { at: number; config: Promise<oidc.Configuration> } | undefined;

  constructor(private readonly appConfig: AppConfig) {}

  get settings(): OidcSettings {
    const settings = this.appConfig.oidc;
    if (!settings) throw new Error('OpenID Connect is not configured');
    return settings;
  }

  /** The provider's sign-in URL for a new sign-in, and the checks its callback must pass. */
  async startSignIn(): Promise<{ url: URL; checks: SignInChecks }> {
    const config = await this.configuration();
    const checks: SignInChecks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: SCOPE,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /** Redeems the code in the callback's query and returns the verified ID token claims. */
  async finishSignIn(query: string, checks: SignInChecks): Promise<VerifiedClaims> {
    const config = await this.configuration();
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = query;
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The provider sent no ID token');
    return claims;
  }

  /** The provider's end-session URL, or undefined when it has none (or cannot be reached). */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined> {
    const config = await this.configuration().catch(() => undefined);
    if (!config?.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(config, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  }

  private configuration(): Promise<oidc.Configuration> {
    const now = Date.now();
    if (this.discovered && now - this.discovered.at < DISCOVERY_TTL_MS) {
      return this.discovered.config;
    }
    const { issuer, clientId, clientSecret, timeoutSeconds } = this.settings;
    const issuerUrl = new URL(issuer);
    const config = oidc.discovery(
      issuerUrl,
      clientId,
      undefined,
      oidc.ClientSecretBasic(clientSecret),
      {
        timeout: timeoutSeconds,
        // Settings allow http only for a loopback issuer (tests, development).
        execute: issuerUrl.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      },
    );
    const entry = { at: now, config };
    this.discovered = entry;
    config.catch(() => {
      if (this.discovered === entry) this.discovered = undefined;
    });
    return config;
  }
}
