import type { OrderDto, RemovedOrderDto } from '@hubble/contracts';
import type { OrderRow } from './order-change';

export function toOrderDto(row: OrderRow): OrderDto {
  return {
    number: row.number,
    source: row.source,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export function toRemovedOrderDto(row: OrderRow): RemovedOrderDto {
  if (row.removed_at === null || row.removed_reason === null) {
    throw new Error(`Order ${row.id} is not removed`);
  }
  return {
    ...toOrderDto(row),
    removedAt: new Date(row.removed_at).toISOString(),
    removedReason: row.removed_reason,
  };
}
