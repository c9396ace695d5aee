import type {
  AdminSnapshot,
  AuditEntryDto,
  AuroraDeliveryDto,
  OrderDto,
  RemovedOrderDto,
} from '@hubble/contracts';

/** A fixed server clock for tests: 2026-01-01 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
export const iso = (ms: number) => new Date(ms).toISOString();

/** An order created `ageSeconds` before T0 with a 300 s timeout. */
export function order(
  number: number,
  ageSeconds = 0,
  source: OrderDto['source'] = 'back-office',
): OrderDto {
  const created = T0 - ageSeconds * 1000;
  return { number, source, createdAt: iso(created), expiresAt: iso(created + 300_000) };
}

export function removed(
  number: number,
  removedSecondsAgo = 10,
  reason: RemovedOrderDto['removedReason'] = 'staff',
): RemovedOrderDto {
  return {
    ...order(number, removedSecondsAgo + 30),
    removedAt: iso(T0 - removedSecondsAgo * 1000),
    removedReason: reason,
  };
}

export function delivery(
  orderNumber: number,
  state: AuroraDeliveryDto['state'],
  atSeconds = 0,
  extra: Partial<AuroraDeliveryDto> = {},
): AuroraDeliveryDto {
  return {
    orderNumber,
    state,
    action: 'add',
    attempts: state === 'pending' ? 0 : 1,
    lastError: null,
    updatedAt: iso(T0 + atSeconds * 1000),
    ...extra,
  };
}

export function audit(
  id: number,
  action: AuditEntryDto['action'],
  orderNumber: number | null = null,
): AuditEntryDto {
  return { id, at: iso(T0 + id * 1000), action, orderNumber, session: 'Tablet · 3f9a' };
}

export function snapshot(partial: Partial<AdminSnapshot> = {}): AdminSnapshot {
  return {
    version: 1,
    active: [],
    recentlyRemoved: [],
    deliveries: [],
    activity: [],
    serverTime: iso(T0),
    ...partial,
  };
}
