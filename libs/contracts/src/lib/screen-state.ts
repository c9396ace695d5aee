/**
 * The café's state for the screens, as Star Community's ScreenStateChangedWebhook names it
 * (the bartender's labels: Open, Last Call!, Closed, DANGER! Evacuation mode!).
 */
export const SCREEN_STATES = ['open', 'last-call', 'closed', 'evacuation'] as const;
export type ScreenState = (typeof SCREEN_STATES)[number];

/** What every instance shows when no state was ever set. */
export const DEFAULT_SCREEN_STATE: ScreenState = 'open';

/** `GET /api/screen-state`, the snapshots' `screenState` and each `screen-state` event. */
export interface ScreenStateDto {
  state: ScreenState;
  /** When this state was set, ISO 8601 (strictly later for every change, so it orders them). */
  since: string;
}

/** `PUT /api/screen-state` (staff session). */
export interface SetScreenStateRequest {
  state: ScreenState;
}

/** Star Community's webhook body. */
export interface ScreenStateWebhookBody {
  desiredState: ScreenState;
}

export const SCREEN_STATE_ROUTES = {
  /** GET (public) → ScreenStateDto; PUT {state} (staff, same-origin) → ScreenStateDto. */
  current: '/api/screen-state',
  /** POST {desiredState}, signed like the order webhook → 200 {status, state}. */
  webhook: '/api/screen-state/webhook',
} as const;

/** Socket.IO event on `/board` and `/admin` carrying a {@link ScreenStateDto} for each change. */
export const SCREEN_STATE_EVENT = 'screen-state';

export type ScreenStateCheck = { ok: true; value: ScreenState } | { ok: false; error: string };

export function checkScreenState(value: unknown, field = 'state'): ScreenStateCheck {
  if (typeof value === 'string' && (SCREEN_STATES as readonly string[]).includes(value)) {
    return { ok: true, value: value as ScreenState };
  }
  return { ok: false, error: `${field} must be one of ${SCREEN_STATES.join(', ')}` };
}

export function isScreenStateDto(value: unknown): value is ScreenStateDto {
  if (typeof value !== 'object' || value === null) return false;
  const { state, since } = value as Record<string, unknown>;
  return (
    checkScreenState(state).ok && typeof since === 'string' && !Number.isNaN(Date.parse(since))
  );
}

/**
 * Of what a client holds and what just arrived (a snapshot or an event, possibly out of order
 * around a reconnect), the one to show: the later `since` wins.
 */
export function latestScreenState(
  held: ScreenStateDto | null | undefined,
  incoming: ScreenStateDto | null | undefined,
): ScreenStateDto | null {
  if (!incoming || !isScreenStateDto(incoming)) return held ?? null;
  if (!held) return incoming;
  return Date.parse(incoming.since) >= Date.parse(held.since) ? incoming : held;
}
