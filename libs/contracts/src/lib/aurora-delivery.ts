/**
 * Whether an order has reached Aurora (the poster screens):
 * - `pending`: the call is queued and about to be made;
 * - `delivered`: Aurora accepted the latest call for this order;
 * - `retrying`: the last attempt failed (network, timeout, 5xx, 408, 429) and will be retried;
 * - `failed`: Aurora refused the call (e.g. 401 for a wrong API key); it is not retried;
 * - `off`: Aurora sync is not configured (no AURORA_URL).
 */
export const AURORA_DELIVERY_STATES = [
  'pending',
  'delivered',
  'retrying',
  'failed',
  'off',
] as const;
export type AuroraDeliveryState = (typeof AURORA_DELIVERY_STATES)[number];

/** The delivery state of one order's latest Aurora call. */
export interface AuroraDeliveryDto {
  orderNumber: number;
  state: AuroraDeliveryState;
  /** What the latest call asked Aurora to do. */
  action: 'add' | 'remove' | null;
  attempts: number;
  /** Why the last attempt failed (`retrying`, `failed`), e.g. "HTTP 401" or "timeout after 5 s". */
  lastError: string | null;
  /** When the state last changed, ISO 8601. */
  updatedAt: string | null;
}

/**
 * Why Aurora does not show our orders right now, as the desk tells staff (once, not per order):
 * - `unreachable`: no answer (down, network, timeout, 5xx); calls back off and go out when it is back;
 * - `wrong-key`: Aurora refuses our API key (401);
 * - `not-granted`: the integration user lacks the addOrder / removeOrder grant (403);
 * - `feature-off`: the Orders feature is switched off in Aurora (409);
 * - `refused`: any other refusal.
 * Refused adds of live orders are tried again every few minutes, so a fix needs no restart here.
 */
export const AURORA_PROBLEM_KINDS = [
  'unreachable',
  'wrong-key',
  'not-granted',
  'feature-off',
  'refused',
] as const;
export type AuroraProblemKind = (typeof AURORA_PROBLEM_KINDS)[number];

export interface AuroraProblemDto {
  kind: AuroraProblemKind;
  /** The technical detail for whoever fixes it, e.g. "HTTP 401" or "ECONNREFUSED". */
  detail: string;
}
