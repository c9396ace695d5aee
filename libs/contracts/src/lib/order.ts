export const ORDER_SOURCES = ['star-community', 'back-office'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const REMOVED_REASONS = ['expired', 'staff'] as const;
export type RemovedReason = (typeof REMOVED_REASONS)[number];

/** An active order as the board and the public API show it. Times are ISO 8601 strings. */
export interface OrderDto {
  number: number;
  source: OrderSource;
  createdAt: string;
  expiresAt: string;
}

/** A removed order: the active fields plus when and why it left. */
export interface RemovedOrderDto extends OrderDto {
  removedAt: string;
  removedReason: RemovedReason;
}
