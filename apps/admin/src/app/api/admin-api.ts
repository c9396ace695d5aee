import { Injectable, InjectionToken, inject } from '@angular/core';
import {
  ADMIN_ROUTES,
  type AdminSessionDto,
  type AdminSnapshot,
  type AuthOptionsDto,
  type AuroraProblemDto,
  type CreateOrderRequest,
  type CreateOrderResultDto,
  INSIGHTS_ROUTES,
  type InsightsDto,
  type InsightsPeriodsDto,
  type LoginRequest,
  type OrderDto,
  type RemovedOrderDto,
  type StaffSessionDto,
  SCREEN_STATE_ROUTES,
  type ScreenState,
  type ScreenStateDto,
  type SetScreenStateRequest,
} from '@hubble/contracts';

/** `status` 0: the request never got an answer (offline, server down, timeout). */
export const NO_ANSWER = 0;

/** A request the API refused, or one that got no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** From a 429's Retry-After header, in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The fetch the client uses; tests hand in a fake. */
export const FETCH = new InjectionToken<typeof fetch>('FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

/**
 * Staff-only Aurora status (`ADMIN_ROUTES.aurora`): `sync` tells "Aurora off" from "about to be
 * sent" for orders that arrive after the snapshot; `problem` says why Aurora does not take calls.
 */
export const AURORA_STATUS_ROUTE = ADMIN_ROUTES.aurora;

/** How long a request may take before the desk says there is no connection. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The back-office HTTP API (libs/contracts ADMIN_ROUTES), on this page's origin with the session
 * cookie. Plain fetch rather than HttpClient: four calls do not need interceptors, and the login
 * screen's bundle stays small.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly fetch = inject(FETCH);
  private readonly unauthorizedListeners = new Set<() => void>();

  /** Called whenever a request made with a session gets 401: the session is gone. */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  /** 200 with the session, or ApiError 401 when there is none (no listener is told). */
  session(): Promise<AdminSessionDto> {
    return this.request('GET', ADMIN_ROUTES.session, undefined, false);
  }

  login(token: string): Promise<AdminSessionDto> {
    const body: LoginRequest = { token };
    return this.request('POST', ADMIN_ROUTES.login, body, false);
  }

  logout(): Promise<void> {
    return this.request('POST', ADMIN_ROUTES.logout, undefined, false);
  }

  /** Which ways to log in the server offers (public). */
  authOptions(): Promise<AuthOptionsDto> {
    return this.request('GET', ADMIN_ROUTES.authOptions, undefined, false);
  }

  sessions(): Promise<StaffSessionDto[]> {
    return this.request('GET', ADMIN_ROUTES.sessions);
  }

  endSession(id: string): Promise<void> {
    return this.request('DELETE', `${ADMIN_ROUTES.sessions}/${encodeURIComponent(id)}`);
  }

  desk(): Promise<AdminSnapshot> {
    return this.request('GET', ADMIN_ROUTES.desk);
  }

  auroraSync(): Promise<{ sync: 'on' | 'off'; problem?: AuroraProblemDto | null }> {
    return this.request('GET', AURORA_STATUS_ROUTE);
  }

  insightsPeriods(): Promise<InsightsPeriodsDto> {
    return this.request('GET', INSIGHTS_ROUTES.periods);
  }

  insights(from: string, to: string): Promise<InsightsDto> {
    const query = new URLSearchParams({ from, to });
    return this.request('GET', `${INSIGHTS_ROUTES.insights}?${query}`);
  }

  addOrder(orderNumber: number): Promise<CreateOrderResultDto> {
    const body: CreateOrderRequest = { orderNumber };
    return this.request('POST', ADMIN_ROUTES.orders, body);
  }

  removeOrder(orderNumber: number): Promise<RemovedOrderDto> {
    return this.request('DELETE', `${ADMIN_ROUTES.orders}/${orderNumber}`);
  }

  recall(orderNumber: number): Promise<OrderDto> {
    return this.request('POST', `${ADMIN_ROUTES.orders}/${orderNumber}/recall`);
  }

  setScreenState(state: ScreenState): Promise<ScreenStateDto> {
    const body: SetScreenStateRequest = { state };
    return this.request('PUT', SCREEN_STATE_ROUTES.current, body);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    signalUnauthorized = true,
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.fetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers:
          body === undefined
            ? { Accept: 'application/json' }
            : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiError(NO_ANSWER, error instanceof Error ? error.message : String(error));
    }
    const payload = await readJson(response);
    if (response.ok) return payload as T;
    if (response.status === 401 && signalUnauthorized) {
      this.unauthorizedListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, errorMessage(payload, response), retryAfter(response));
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** NestJS errors are `{ statusCode, message, error }`; `message` may be a list. */
function errorMessage(payload: unknown, response: Response): string {
  if (payload && typeof payload === 'object' && 'message' in payload) {
    const { message } = payload as { message: unknown };
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return response.statusText || `HTTP ${response.status}`;
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
