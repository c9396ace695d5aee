import type { Transaction } from 'kysely';
import type { OrderDto, RemovedOrderDto } from '@hubble/contracts';
import type { Tables } from '../persistence';
import type { OrderChange } from './order-change';

/** Payload of `order.created` and `order.refreshed`, emitted after the change committed. */
export class OrderChangedEvent {
  constructor(
    readonly version: number,
    readonly order: OrderDto,
    /** `performance.now()` right after the commit, in the process that made the change. */
    readonly committedAt: number,
  ) {}
}

/** Payload of `order.removed`, emitted after the removal committed. */
export class OrderRemovedEvent {
  constructor(
    readonly version: number,
    readonly order: RemovedOrderDto,
    /** `performance.now()` right after the commit, in the process that made the change. */
    readonly committedAt: number,
  ) {}
}

/**
 * Emitted (with `emitAsync`) inside the write transaction, before it commits, so that another
 * module can record its own consequences of the change atomically with it (the Aurora outbox).
 * Listeners write only through `tx`, must register with `suppressErrors: false`, and roll the
 * whole change back by throwing.
 */
export const ORDER_CHANGES_IN_TRANSACTION = 'orders.changes.in-transaction';

/** The orders module's domain events (the board's socket events are named in libs/contracts). */
export const ORDER_DOMAIN_EVENTS = {
  created: 'order.created',
  refreshed: 'order.refreshed',
  removed: 'order.removed',
} as const;

declare module '../events' {
  interface DomainEvents {
    'order.created': OrderChangedEvent;
    'order.refreshed': OrderChangedEvent;
    'order.removed': OrderRemovedEvent;
    'orders.changes.in-transaction': OrderChangesInTransaction;
  }
}

/** How the transaction of an {@link OrderChangesInTransaction} ended. */
export type TransactionOutcome = 'committed' | 'rolled-back';

export class OrderChangesInTransaction {
  constructor(
    readonly tx: Transaction<Tables>,
    readonly changes: readonly OrderChange[],
    /** The transaction's clock (epoch ms). */
    readonly now: number,
    /**
     * Runs `callback` once the transaction has ended, before the order events are emitted: what
     * a listener prepared inside it (a claimed Aurora call) may start only if it committed.
     */
    readonly afterTransaction: (callback: (outcome: TransactionOutcome) => void) => void,
  ) {}
}
