import { computed, DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { ADMIN_ROUTES, type AdminSessionDto, type AuthOptionsDto } from '@hubble/contracts';
import { AdminApi, ApiError, NO_ANSWER } from '../api/admin-api';

/** Why the login screen shows: to say so above the token field. */
export type SignedOutReason =
  'invalid-link' | 'blocked' | 'cross-site' | 'logged-out' | 'ended' | null;

export type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; session: AdminSessionDto };

export type LoginResult =
  | { ok: true }
  | { ok: false; problem: 'wrong-token' | 'unreachable' | 'server' }
  | { ok: false; problem: 'throttled'; retryAfterSeconds: number };

/**
 * Query parameter the API's login link adds when it did not log in: `?login=invalid-link` (wrong
 * token), `?login=blocked` (too many wrong tokens from this address) or `?login=cross-site` (the
 * link was opened from another site's page, so the API did not look at it).
 */
const LOGIN_PARAM = 'login';
/** Leaves the app for a server page (the provider's logout); tests hand in a spy. */
export const NAVIGATE = new InjectionToken<(path: string) => void>('NAVIGATE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (path) => document.location.assign(path);
  },
});

/** Until the server says otherwise (or when it cannot): the token, no provider. */
const TOKEN_ONLY: AuthOptionsDto = { tokenLogin: true, oidc: null };

/** When a 429 names no Retry-After: the API's throttle window. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Whether this device is logged in. The session itself is an httpOnly cookie the app never sees;
 * the app only asks the API (`GET /api/auth/session`) and reacts to 401s and `session.ended`.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(AdminApi);
  private readonly document = inject(DOCUMENT);
  private readonly navigate = inject(NAVIGATE);
  readonly state = signal<SessionState>({ status: 'checking' });
  /** How staff may log in here: the token and/or "Sign in with <provider>". */
  readonly options = signal<AuthOptionsDto>(TOKEN_ONLY);
  readonly current = computed(() => {
    const state = this.state();
    return state.status === 'signed-in' ? state.session : null;
  });

  constructor() {
    this.api.onUnauthorized(() => this.ended());
  }

  /** At start: take the login link's verdict from the URL, then ask the API. */
  async start(): Promise<void> {
    const reason = this.takeLinkVerdict();
    await Promise.all([this.check(reason), this.loadOptions()]);
  }

  async loadOptions(): Promise<void> {
    try {
      this.options.set(await this.api.authOptions());
    } catch {
      this.options.set(TOKEN_ONLY);
    }
  }

  async check(reason: SignedOutReason = null): Promise<void> {
    this.state.set({ status: 'checking' });
    try {
      const session = await this.api.session();
      this.state.set({ status: 'signed-in', session });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.state.set({ status: 'signed-out', reason });
      } else {
        this.state.set({ status: 'unreachable' });
      }
    }
  }

  /** Whether the session still holds (after the live feed was refused); 401 → login screen. */
  async verify(): Promise<boolean> {
    try {
      const session = await this.api.session();
      if (this.state().status === 'signed-in') this.state.set({ status: 'signed-in', session });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.ended();
      return false;
    }
  }

  async login(token: string): Promise<LoginResult> {
    try {
      const session = await this.api.login(token);
      this.state.set({ status: 'signed-in', session });
      return { ok: true };
    } catch (error) {
      const status = error instanceof ApiError ? error.status : NO_ANSWER;
      if (status === 401 || status === 400) return { ok: false, problem: 'wrong-token' };
      if (status === 429) {
        const seconds = (error as ApiError).retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
        return { ok: false, problem: 'throttled', retryAfterSeconds: Math.max(1, seconds) };
      }
      return { ok: false, problem: status === NO_ANSWER ? 'unreachable' : 'server' };
    }
  }

  /** Ends the session on the server; false when the server could not be reached. */
  async logout(): Promise<boolean> {
    const signedInWithProvider = this.current()?.kind === 'oidc' && this.options().oidc !== null;
    try {
      await this.api.logout();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) return false;
    }
    this.state.set({ status: 'signed-out', reason: 'logged-out' });
    // Then end the provider's session too (a plain navigation; it comes back to /admin/).
    if (signedInWithProvider) this.navigate(ADMIN_ROUTES.oidcLogout);
    return true;
  }

  /** The API says the session is gone (401, `session.ended`): back to the login screen. */
  ended(): void {
    if (this.state().status === 'signed-in') {
      this.state.set({ status: 'signed-out', reason: 'ended' });
    }
  }

  private takeLinkVerdict(): SignedOutReason {
    const location = this.document.location;
    if (!location) return null;
    const url = new URL(location.href);
    const verdict = url.searchParams.get(LOGIN_PARAM);
    if (verdict === null) return null;
    url.searchParams.delete(LOGIN_PARAM);
    // Drop the parameter so a reload or a bookmark does not repeat the message.
    this.document.defaultView?.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return verdict === 'invalid-link' || verdict === 'blocked' || verdict === 'cross-site'
      ? verdict
      : null;
  }
}
