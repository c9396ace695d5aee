import {
  ADMIN_EVENTS,
  type AdminSnapshot,
  type AuditEntryDto,
  type AuroraDeliveryDto,
  type AuroraDeliveryState,
  type BoardOrderChange,
  type BoardOrderRemoval,
  type OrderDto,
  RECALL_WINDOW_SECONDS,
  type RemovedOrderDto,
} from '@hubble/contracts';

/** An event of the `/admin` feed, as received. */
export type DeskEvent =
  | {
      name: typeof ADMIN_EVENTS.created | typeof ADMIN_EVENTS.refreshed;
      payload: BoardOrderChange;
    }
  | { name: typeof ADMIN_EVENTS.removed; payload: BoardOrderRemoval }
  | { name: typeof ADMIN_EVENTS.delivery; payload: AuroraDeliveryDto }
  | { name: typeof ADMIN_EVENTS.activity; payload: AuditEntryDto };

/** What a change did to the list of active orders (for highlighting). */
export interface DeskChange {
  kind: 'arrived' | 'refreshed' | 'left';
  number: number;
}

export interface DeskStep {
  changes: DeskChange[];
  /** A version gap was seen: the client must emit `sync` to get a fresh snapshot. */
  needsSync: boolean;
}

/** An active order as the desk shows it: the order plus where it stands with Aurora. */
export interface DeskOrder extends OrderDto {
  aurora: AuroraDeliveryState;
  auroraError: string | null;
  auroraAttempts: number;
}

/** How many audit entries and removed orders the desk keeps. */
export const ACTIVITY_LIMIT = 50;
const REMOVED_LIMIT = 100;

const NOTHING: DeskStep = { changes: [], needsSync: false };

/**
 * The desk's view of the `/admin` feed, free of Angular and Socket.IO so it can be tested alone.
 *
 * A snapshot on every (re)connect and in answer to `sync`; then order changes, each exactly one
 * version higher than the last, plus unversioned Aurora delivery states and audit entries.
 * Everything that arrives before the snapshot of the current connection is kept and replayed on
 * top of it; order changes not newer than what we hold are dropped; a jump in version is a gap,
 * answered with `sync`. Delivery states are merged newest-wins (by `updatedAt`), audit entries by
 * id, so a replay can never make them go back in time.
 */
export class DeskState {
  private readonly orders = new Map<number, OrderDto>();
  private removedOrders: RemovedOrderDto[] = [];
  private readonly deliveries = new Map<number, AuroraDeliveryDto>();
  private auditTrail: AuditEntryDto[] = [];
  /** Whether Aurora sync is off; null while unknown. */
  private auroraOff: boolean | null = null;
  private held: number | null = null;
  private synced = false;
  private pending: DeskEvent[] = [];
  private offset = 0;

  /** The feed version of what we hold; null before any snapshot. */
  get version(): number | null {
    return this.held;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** Server clock minus this device's clock, in ms, as of the last snapshot. */
  get clockOffsetMs(): number {
    return this.offset;
  }

  /** The active orders, newest first (a refreshed order moves back to the top). */
  get active(): DeskOrder[] {
    return [...this.orders.values()].sort(newestFirst).map((order) => this.withDelivery(order));
  }

  /** Latest staff actions, newest first. */
  get activity(): AuditEntryDto[] {
    return this.auditTrail;
  }

  /**
   * Orders that can be put back: removed within the recall window (by the server's clock `now`),
   * not active again, the latest removal of each number, newest first.
   */
  recallable(now: number): RemovedOrderDto[] {
    return filterRecallable(this.removedOrders, new Set(this.orders.keys()), now);
  }

  /** Every removal held (the latest of each number), newest first. */
  get removed(): RemovedOrderDto[] {
    return this.removedOrders;
  }

  /** What the server says about Aurora sync (it sends no delivery states while sync is off). */
  setAuroraSync(on: boolean): void {
    this.auroraOff = !on;
  }

  has(number: number): boolean {
    return this.orders.has(number);
  }

  /** The connection is gone: the next snapshot is authoritative, events wait for it. */
  disconnected(): void {
    this.synced = false;
    this.pending = [];
  }

  applySnapshot(snapshot: AdminSnapshot, receivedAt = Date.now()): DeskStep {
    const before = new Map(this.orders);
    const hadBaseline = this.held !== null;
    this.orders.clear();
    for (const order of snapshot.active) this.orders.set(order.number, pickOrder(order));
    this.removedOrders = [];
    for (const order of snapshot.recentlyRemoved) this.addRemoved(order);
    this.deliveries.clear();
    for (const delivery of snapshot.deliveries) this.deliveries.set(delivery.orderNumber, delivery);
    if (snapshot.deliveries.length > 0) {
      this.auroraOff = snapshot.deliveries.some((delivery) => delivery.state === 'off');
    }
    this.auditTrail = mergeActivity([], snapshot.activity);
    const serverTime = Date.parse(snapshot.serverTime);
    if (!Number.isNaN(serverTime)) this.offset = serverTime - receivedAt;
    this.held = snapshot.version;
    this.synced = true;

    const changes: DeskChange[] = [];
    if (hadBaseline) {
      for (const [number, order] of this.orders) {
        const old = before.get(number);
        if (!old) changes.push({ kind: 'arrived', number });
        else if (old.expiresAt !== order.expiresAt) changes.push({ kind: 'refreshed', number });
      }
      for (const number of before.keys()) {
        if (!this.orders.has(number)) changes.push({ kind: 'left', number });
      }
    }

    // Replay what waited: delivery states and audit entries first (order does not matter for
    // them), then order changes by version.
    const waiting = this.pending;
    this.pending = [];
    const unversioned = waiting.filter((event) => !isVersioned(event));
    const versioned = waiting
      .filter(isVersioned)
      .sort((a, b) => a.payload.version - b.payload.version);
    for (const event of unversioned) this.apply(event);
    for (const event of versioned) {
      const step = this.apply(event);
      changes.push(...step.changes);
      if (step.needsSync) return { changes, needsSync: true };
    }
    return { changes, needsSync: false };
  }

  apply(event: DeskEvent): DeskStep {
    if (!this.synced) {
      this.pending.push(event);
      return NOTHING;
    }
    switch (event.name) {
      case ADMIN_EVENTS.delivery:
        this.applyDelivery(event.payload);
        return NOTHING;
      case ADMIN_EVENTS.activity:
        this.auditTrail = mergeActivity(this.auditTrail, [event.payload]);
        return NOTHING;
    }
    const { version, order } = event.payload;
    if (this.held !== null && version <= this.held) return NOTHING;
    if (this.held !== null && version > this.held + 1) {
      // Missed at least one change: wait for the snapshot `sync` brings, keep what comes meanwhile.
      this.synced = false;
      this.pending = [event];
      return { changes: [], needsSync: true };
    }
    this.held = version;
    const had = this.orders.has(order.number);
    if (event.name === ADMIN_EVENTS.removed) {
      this.orders.delete(order.number);
      this.deliveries.delete(order.number);
      this.addRemoved(event.payload.order, true);
      return { changes: had ? [{ kind: 'left', number: order.number }] : [], needsSync: false };
    }
    this.orders.set(order.number, pickOrder(order));
    return {
      changes: [{ kind: had ? 'refreshed' : 'arrived', number: order.number }],
      needsSync: false,
    };
  }

  private applyDelivery(delivery: AuroraDeliveryDto): void {
    this.auroraOff = delivery.state === 'off';
    const held = this.deliveries.get(delivery.orderNumber);
    if (held && isOlder(delivery, held)) return;
    // A remove call's state matters no more once the order is off the board (and would otherwise
    // stick to a number that comes back later). An add may arrive just before its order does.
    if (delivery.action === 'remove' && !this.orders.has(delivery.orderNumber)) return;
    this.deliveries.set(delivery.orderNumber, delivery);
  }

  private withDelivery(order: OrderDto): DeskOrder {
    const delivery = this.deliveries.get(order.number);
    if (!delivery || delivery.action === 'remove') {
      return {
        ...order,
        aurora: this.auroraOff === true ? 'off' : 'pending',
        auroraError: null,
        auroraAttempts: 0,
      };
    }
    return {
      ...order,
      aurora: delivery.state,
      auroraError: delivery.lastError,
      auroraAttempts: delivery.attempts,
    };
  }

  /** Adds a removal, newest first, one entry per number (the latest removal wins). */
  private addRemoved(order: RemovedOrderDto, newest = false): void {
    const rest = this.removedOrders.filter((held) => held.number !== order.number);
    const entry = { ...order };
    if (newest) {
      this.removedOrders = [entry, ...rest];
    } else {
      const existing = this.removedOrders.find((held) => held.number === order.number);
      if (existing && Date.parse(existing.removedAt) >= Date.parse(order.removedAt)) return;
      this.removedOrders = [...rest, entry].sort(
        (a, b) => Date.parse(b.removedAt) - Date.parse(a.removedAt),
      );
    }
    this.removedOrders.length = Math.min(this.removedOrders.length, REMOVED_LIMIT);
  }
}

/** Removals within the recall window (server clock `now`) whose number is not active again. */
export function filterRecallable(
  removed: readonly RemovedOrderDto[],
  active: ReadonlySet<number>,
  now: number,
): RemovedOrderDto[] {
  const since = now - RECALL_WINDOW_SECONDS * 1000;
  return removed.filter(
    (order) => !active.has(order.number) && Date.parse(order.removedAt) >= since,
  );
}

function isVersioned(
  event: DeskEvent,
): event is Extract<DeskEvent, { payload: BoardOrderChange | BoardOrderRemoval }> {
  return event.name !== ADMIN_EVENTS.delivery && event.name !== ADMIN_EVENTS.activity;
}

function pickOrder(order: OrderDto): OrderDto {
  return {
    number: order.number,
    source: order.source,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
  };
}

function isOlder(candidate: AuroraDeliveryDto, held: AuroraDeliveryDto): boolean {
  if (candidate.updatedAt === null) return held.updatedAt !== null;
  if (held.updatedAt === null) return false;
  return Date.parse(candidate.updatedAt) < Date.parse(held.updatedAt);
}

function mergeActivity(held: AuditEntryDto[], incoming: AuditEntryDto[]): AuditEntryDto[] {
  const byId = new Map(held.map((entry) => [entry.id, entry]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, ACTIVITY_LIMIT);
}

/** Newest first: an order's expiresAt is its last announcement plus the fixed timeout. */
function newestFirst(a: OrderDto, b: OrderDto): number {
  return (
    Date.parse(b.expiresAt) - Date.parse(a.expiresAt) ||
    Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
    b.number - a.number
  );
}
