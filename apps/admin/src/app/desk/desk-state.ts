import {
  ADMIN_EVENTS,
  type AdminSnapshot,
  type AuditEntryDto,
  type AuroraDeliveryDto,
  type AuroraDeliveryState,
  type BoardOrderChange,
  type BoardOrderRemoval,
  type OrderDto,
  OrderFeed,
  type OrderFeedChange,
  type OrderFeedStep,
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
export type DeskChange = OrderFeedChange;

export type DeskStep = OrderFeedStep;

type UnversionedEvent = Extract<
  DeskEvent,
  { name: typeof ADMIN_EVENTS.delivery | typeof ADMIN_EVENTS.activity }
>;

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
  /** Active orders and their versions: the protocol shared with the board. */
  private readonly feed = new OrderFeed(null, (event) => {
    if (event.name !== ADMIN_EVENTS.removed) return;
    this.deliveries.delete(event.payload.order.number);
    this.addRemoved(event.payload.order, true);
  });
  private removedOrders: RemovedOrderDto[] = [];
  private readonly deliveries = new Map<number, AuroraDeliveryDto>();
  private auditTrail: AuditEntryDto[] = [];
  /** Whether Aurora sync is off; null while unknown. */
  private auroraOff: boolean | null = null;
  /** Delivery states and audit entries that arrived before the snapshot. */
  private pending: UnversionedEvent[] = [];
  private offset = 0;

  /** The feed version of what we hold; null before any snapshot. */
  get version(): number | null {
    return this.feed.version;
  }

  get isSynced(): boolean {
    return this.feed.isSynced;
  }

  /** Server clock minus this device's clock, in ms, as of the last snapshot. */
  get clockOffsetMs(): number {
    return this.offset;
  }

  /** The active orders, newest first (a refreshed order moves back to the top). */
  get active(): DeskOrder[] {
    return this.feed.list.map((order) => this.withDelivery(order));
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
    return filterRecallable(this.removedOrders, new Set(this.feed.numbers), now);
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
    return this.feed.has(number);
  }

  /** The connection is gone: the next snapshot is authoritative, events wait for it. */
  disconnected(): void {
    this.feed.disconnected();
    this.pending = [];
  }

  applySnapshot(snapshot: AdminSnapshot, receivedAt = Date.now()): DeskStep {
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

    // What waited is replayed on top: delivery states and audit entries first (order does not
    // matter for them), then the order changes by version, inside the feed.
    return this.feed.applySnapshot({ version: snapshot.version, orders: snapshot.active }, () => {
      const waiting = this.pending;
      this.pending = [];
      for (const event of waiting) this.applyUnversioned(event);
    });
  }

  apply(event: DeskEvent): DeskStep {
    if (event.name === ADMIN_EVENTS.delivery || event.name === ADMIN_EVENTS.activity) {
      if (this.feed.isSynced) this.applyUnversioned(event);
      else this.pending.push(event);
      return NOTHING;
    }
    return this.feed.apply(event);
  }

  private applyUnversioned(event: UnversionedEvent): void {
    if (event.name === ADMIN_EVENTS.delivery) this.applyDelivery(event.payload);
    else this.auditTrail = mergeActivity(this.auditTrail, [event.payload]);
  }

  private applyDelivery(delivery: AuroraDeliveryDto): void {
    this.auroraOff = delivery.state === 'off';
    const held = this.deliveries.get(delivery.orderNumber);
    if (held && isOlder(delivery, held)) return;
    // A remove call's state matters no more once the order is off the board (and would otherwise
    // stick to a number that comes back later). An add may arrive just before its order does.
    if (delivery.action === 'remove' && !this.feed.has(delivery.orderNumber)) return;
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
