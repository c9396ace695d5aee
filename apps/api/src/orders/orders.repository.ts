import { Injectable, Logger } from '@nestjs/common';
import type { Kysely, Transaction } from 'kysely';
import type { OrderSource, RemovedReason } from '@hubble/contracts';
import type { Tables } from '../persistence';
import { PreparedQuery, Store } from '../persistence';
import { GroupCommit } from './group-commit';
import type { OrderChange, OrderRow } from './order-change';
import {
  ORDER_CHANGES_IN_TRANSACTION,
  OrderChangesInTransaction,
  type TransactionOutcome,
} from './order-events';
import { DomainEventBus } from '../events';

type Tx = Transaction<Tables>;
type WriteBody = (tx: Tx, changes: Omit<OrderChange, 'version'>[]) => Promise<void>;
interface PendingWrite {
  now: number;
  body: WriteBody;
}

/**
 * All SQL about orders, one code for SQLite and PostgreSQL. Every write runs in a transaction
 * that first locks the feed_state row, so writers are serialised and versions never collide;
 * writes that arrive together share a transaction (group commit).
 */
@Injectable()
export class OrdersRepository {
  private readonly writes = new GroupCommit<PendingWrite, OrderChange[]>((batch) =>
    this.commitBatch(batch),
  );

  private readonly logger = new Logger('Orders');

  // The statements of a new order's transaction, compiled once (see PreparedQuery).
  private readonly advanceVersion = new PreparedQuery<{ by: number }, { version: number }>(
    (db, slot) =>
      db
        .updateTable('feed_state')
        .set((eb) => ({ version: eb('version', '+', slot('by')) }))
        .where('id', '=', 1)
        .returning('version'),
  );
  private readonly findActive = new PreparedQuery<{ number: number }, OrderRow>((db, slot) =>
    db
      .selectFrom('orders')
      .selectAll()
      .where('number', '=', slot('number'))
      .where('removed_at', 'is', null),
  );
  private readonly insertOrder = new PreparedQuery<
    { number: number; source: OrderSource; createdAt: number; expiresAt: number },
    OrderRow
  >((db, slot) =>
    db
      .insertInto('orders')
      .values({
        number: slot('number'),
        source: slot('source'),
        created_at: slot('createdAt'),
        expires_at: slot('expiresAt'),
      })
      .returningAll(),
  );

  constructor(
    private readonly store: Store,
    private readonly events: DomainEventBus,
  ) {}

  private get db(): Kysely<Tables> {
    return this.store.db;
  }

  /** Creates the order, or refreshes it when the number is already active. */
  upsert(number: number, source: OrderSource, now: number, expiresAt: number) {
    return this.write(now, async (tx, changes) => {
      const [existing] = (await this.findActive.execute(tx, { number })).rows;

      if (existing && existing.expires_at > now) {
        const refreshed = await tx
          .updateTable('orders')
          .set((eb) => ({ expires_at: expiresAt, refresh_count: eb('refresh_count', '+', 1) }))
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        changes.push({ kind: 'refreshed', order: refreshed });
        return;
      }
      if (existing) {
        // Past its time but not swept yet: it leaves as expired, the new arrival is a new order.
        changes.push({
          kind: 'removed',
          order: await markRemoved(tx, existing.id, 'expired', now),
        });
      }
      const created = await this.insertOrder.takeFirstOrThrow(tx, {
        number,
        source,
        createdAt: now,
        expiresAt,
      });
      changes.push({ kind: 'created', order: created });
    });
  }

  /** Removes the active order with this number; no change when there is none. */
  remove(number: number, reason: RemovedReason, now: number) {
    return this.write(now, async (tx, changes) => {
      const removed = await tx
        .updateTable('orders')
        .set({ removed_at: now, removed_reason: reason })
        .where('number', '=', number)
        .where('removed_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (removed) changes.push({ kind: 'removed', order: removed });
    });
  }

  /**
   * Puts the order with this number that was removed most recently (not before `removedSince`)
   * back on the board until `expiresAt`. Nothing changes when the number is active again or when
   * there is no such order.
   */
  async recall(
    number: number,
    now: number,
    expiresAt: number,
    removedSince: number,
  ): Promise<{ outcome: 'recalled' | 'active' | 'none'; changes: OrderChange[] }> {
    let outcome: 'recalled' | 'active' | 'none' = 'none';
    const changes = await this.write(now, async (tx, pending) => {
      const active = await tx
        .selectFrom('orders')
        .select('id')
        .where('number', '=', number)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (active) {
        outcome = 'active';
        return;
      }
      const removed = await tx
        .selectFrom('orders')
        .select('id')
        .where('number', '=', number)
        .where('removed_at', '>=', removedSince)
        .orderBy('removed_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!removed) return;
      const recalled = await tx
        .updateTable('orders')
        .set({ removed_at: null, removed_reason: null, expires_at: expiresAt })
        .where('id', '=', removed.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      pending.push({ kind: 'created', order: recalled });
      outcome = 'recalled';
    });
    return { outcome, changes };
  }

  /**
   * Marks every active order whose time is up as expired. The conditional UPDATE is the claim:
   * when several instances sweep at once, each row is returned to exactly one of them. A sweep
   * that finds nothing due writes nothing: the sweep runs every second, and a write transaction
   * each time would cost an fsync a second on an idle café's disk.
   */
  async expireDue(now: number): Promise<OrderChange[]> {
    const next = await this.nextExpiry();
    if (next === undefined || next > now) return [];
    return this.write(now, async (tx, changes) => {
      const expired = await tx
        .updateTable('orders')
        .set({ removed_at: now, removed_reason: 'expired' })
        .where('removed_at', 'is', null)
        .where('expires_at', '<=', now)
        .returningAll()
        .execute();
      expired
        .sort((a, b) => a.expires_at - b.expires_at || a.id - b.id)
        .forEach((order) => changes.push({ kind: 'removed', order }));
    });
  }

  /** Active orders (not removed, not past their time), newest first. */
  listActive(now: number, db: Kysely<Tables> = this.db): Promise<OrderRow[]> {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('removed_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Orders removed since `since` (epoch ms), most recent removal first. */
  listRemovedSince(since: number, db: Kysely<Tables> = this.db): Promise<OrderRow[]> {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('removed_at', '>=', since)
      .orderBy('removed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
  }

  /** Active orders, orders removed since `removedSince`, and their version, read consistently. */
  deskSnapshot(
    now: number,
    removedSince: number,
  ): Promise<{ version: number; orders: OrderRow[]; removed: OrderRow[] }> {
    return this.readConsistently(async (tx, version) => ({
      version,
      orders: await this.listActive(now, tx),
      removed: await this.listRemovedSince(removedSince, tx),
    }));
  }

  /** The active orders and the version they correspond to, read consistently. */
  snapshot(now: number): Promise<{ version: number; orders: OrderRow[] }> {
    return this.readConsistently(async (tx, version) => ({
      version,
      orders: await this.listActive(now, tx),
    }));
  }

  private readConsistently<T>(read: (tx: Tx, version: number) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const { version } = await tx
          .selectFrom('feed_state')
          .select('version')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        return read(tx, version);
      });
  }

  /** Deletes orders removed before `cutoff` (epoch ms); returns how many. Not a feed change. */
  async pruneRemovedBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('orders')
      .where('removed_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The earliest expiresAt among orders not yet removed, if any. */
  async nextExpiry(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .select((eb) => eb.fn.min('expires_at').as('next'))
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row?.next == null ? undefined : Number(row.next);
  }

  private write(now: number, body: WriteBody): Promise<OrderChange[]> {
    return this.writes.submit({ now, body });
  }

  /**
   * One transaction for a batch of writes (see {@link GroupCommit}). It locks the feed_state row
   * first, which serialises writers (PostgreSQL) and reads the current version; each write's
   * changes get the next versions in turn, and its in-transaction event runs with them.
   *
   * The locking UPDATE already advances the version by one per write, the usual outcome (one
   * order created, refreshed or removed), so a lone webhook pays no second UPDATE; a batch whose
   * writes changed more or less than that corrects it before the commit.
   */
  private async commitBatch(batch: readonly PendingWrite[]): Promise<OrderChange[][]> {
    const settled: ((outcome: TransactionOutcome) => void)[] = [];
    const afterTransaction = (callback: (outcome: TransactionOutcome) => void) =>
      settled.push(callback);
    let outcome: TransactionOutcome = 'rolled-back';
    try {
      const results = await this.transact(batch, afterTransaction);
      outcome = 'committed';
      return results;
    } finally {
      for (const callback of settled) {
        try {
          callback(outcome);
        } catch (error) {
          // The change itself stands (or fails) as the transaction decided.
          this.logger.error(`After-transaction work failed: ${(error as Error).message}`);
        }
      }
    }
  }

  private transact(
    batch: readonly PendingWrite[],
    afterTransaction: OrderChangesInTransaction['afterTransaction'],
  ): Promise<OrderChange[][]> {
    return this.db.transaction().execute(async (tx) => {
      const guessed = batch.length;
      const { version: advanced } = await this.advanceVersion.takeFirstOrThrow(tx, {
        by: guessed,
      });
      const version = advanced - guessed;
      let next = version;
      const results: OrderChange[][] = [];
      for (const { now, body } of batch) {
        const pending: Omit<OrderChange, 'version'>[] = [];
        await body(tx, pending);
        const changes = pending.map((change) => ({ ...change, version: ++next }));
        if (changes.length > 0) {
          await this.events.emitAsync(
            ORDER_CHANGES_IN_TRANSACTION,
            new OrderChangesInTransaction(tx, changes, now, afterTransaction),
          );
        }
        results.push(changes);
      }
      if (next !== advanced) {
        await tx.updateTable('feed_state').set({ version: next }).where('id', '=', 1).execute();
      }
      return results;
    });
  }
}

function markRemoved(tx: Tx, id: number, reason: RemovedReason, now: number): Promise<OrderRow> {
  return tx
    .updateTable('orders')
    .set({ removed_at: now, removed_reason: reason })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
