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

/** Emitted by the aurora-sync module whenever a delivery state changes. */
export const AURORA_EVENTS = {
  delivery: 'aurora.delivery',
} as const;
