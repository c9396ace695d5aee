import { Injectable } from '@nestjs/common';
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { AuroraAction, AuroraOutboxTable, OutboxState, Tables } from '../persistence';
import { firstDueIn, isFinished, isUndone, PreparedQuery, Store } from '../persistence';

export type OutboxEntry = Selectable<AuroraOutboxTable>;

/** A claimed entry with what the worker needs to know about its order right now. */
export interface ClaimedEntry extends OutboxEntry {
  claimed_until: number;
  order_expires_at: number | null;
  order_removed_at: number | null;
}

export interface NewEntry {
  orderId: number;
  number: number;
  action: AuroraAction;
}

/** How an attempt ended, as recorded on the entry. */
export type EntryResult =
  | { state: Extract<OutboxState, 'delivered' | 'dropped'>; reason?: string }
  | { state: 'retrying'; error: string; retryAt: number; maybeSent: boolean }
  | { state: 'failed'; error: string };

/** What {@link AuroraOutboxRepository.finish} writes: a call's outcome, on the entry it claimed. */
interface Outcome {
  id: number;
  claimedUntil: number | null;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  dueAt: number;
  maybeSent: number;
  now: number;
}

/** The latest entry of an active order (state `null`: no Aurora call queued for it yet). */
export interface ActiveOrderDelivery {
  number: number;
  action: AuroraAction | null;
  state: OutboxState | null;
  attempts: number;
  last_error: string | null;
  updated_at: number | null;
}

/** Finished entries are kept this long for the back-office, then pruned. */
const KEEP_FINISHED_MS = 24 * 3600_000;

/**
 * All SQL of the Aurora outbox, one code for SQLite and PostgreSQL. Reads `orders` (never writes
 * it) to know whether an order is still active when its call is made.
 */
@Injectable()
export class AuroraOutboxRepository {
  /** {@link enqueueClaimed} of one entry, compiled once (see PreparedQuery): every order's path. */
  private readonly enqueueOneClaimed = new PreparedQuery<
    NewEntry & { now: number; claimedUntil: number },
    OutboxEntry
  >((db, slot) =>
    db
      .insertInto('aurora_outbox')
      .values({
        ...pendingRow(
          { orderId: slot('orderId'), number: slot('number'), action: slot('action') },
          slot('now'),
          'change',
        ),
        claimed_until: claimUnlessQueued(slot('number'), slot('claimedUntil')),
      })
      .returningAll(),
  );
  /** {@link hasDue}'s read, compiled once: it runs after every call and every poll. */
  private readonly firstDue = firstDueIn('aurora_outbox');

  /** {@link finish}'s update, compiled once: it runs after every call. */
  private readonly recordOutcome = new PreparedQuery<Outcome, OutboxEntry>((db, slot) =>
    db
      .updateTable('aurora_outbox')
      .set({
        state: slot('state'),
        attempts: slot('attempts'),
        last_error: slot('lastError'),
        due_at: slot('dueAt'),
        maybe_sent: slot('maybeSent'),
        claimed_until: null,
        updated_at: slot('now'),
      })
      .where('id', '=', slot('id'))
      .where('claimed_until', '=', slot('claimedUntil'))
      .returningAll(),
  );

  constructor(private readonly store: Store) {}

  private get db(): Kysely<Tables> {
    return this.store.db;
  }

  /** Queues calls inside the caller's transaction (the one that changed the orders). */
  async enqueue(
    tx: Kysely<Tables>,
    entries: readonly NewEntry[],
    now: number,
    cause: 'change' | 'reassert' | 'refused-retry' = 'change',
  ): Promise<void> {
    if (entries.length === 0) return;
    await tx
      .insertInto('aurora_outbox')
      .values(entries.map((entry) => pendingRow(entry, now, cause)))
      .execute();
  }

  /**
   * Queues the calls of an order change inside its transaction and claims them for this instance
   * right there (`claimedUntil`), so they can be made the moment it commits, without a claim
   * transaction first. Only an entry whose number has no earlier undone call is claimed (calls
   * for one number are made in order), and at most `claimAtMost`; the rest wait for a claim as
   * usual. Order changes are serialised by the feed_state lock, so no other change can queue a
   * call for the same number unseen. Returns the entries claimed.
   */
  async enqueueClaimed(
    tx: Transaction<Tables>,
    entries: readonly NewEntry[],
    now: number,
    claimedUntil: number,
    claimAtMost: number,
  ): Promise<(OutboxEntry & { claimed_until: number })[]> {
    if (entries.length === 0) return [];
    // The usual change: one order, one call, claimed if nothing is queued before it.
    if (entries.length === 1 && claimAtMost >= 1) {
      const { rows } = await this.enqueueOneClaimed.execute(tx, {
        ...entries[0],
        now,
        claimedUntil,
      });
      return rows.filter(isClaimed);
    }
    const numbersSeen = new Set<number>();
    const rows = await tx
      .insertInto('aurora_outbox')
      .values(
        entries.map((entry) => {
          const claim = !numbersSeen.has(entry.number) && numbersSeen.size < claimAtMost;
          numbersSeen.add(entry.number);
          return {
            ...pendingRow(entry, now, 'change'),
            claimed_until: claim ? claimUnlessQueued(entry.number, claimedUntil) : null,
          };
        }),
      )
      .returningAll()
      .execute();
    return rows.filter(isClaimed);
  }

  /** A cheap read that spares the claim transaction (a write) when there is nothing to do. */
  async hasDue(now: number): Promise<boolean> {
    return (await this.firstDue.execute(this.db, { now })).rows.length > 0;
  }

  /**
   * Claims up to `limit` due entries for `leaseMs`: for each number only its oldest undone entry,
   * so calls for one number are made in order. Claims are serialised by the aurora_sync row, so
   * two instances never hold the same entry; a lease that runs out (a crashed instance) frees it.
   */
  claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedEntry[]> {
    return this.store.bookkeeping(async (tx) => {
      await lockSyncRow(tx);
      const due = await tx
        .selectFrom('aurora_outbox as e')
        .leftJoin('orders as o', 'o.id', 'e.order_id')
        .selectAll('e')
        .select(['o.expires_at as order_expires_at', 'o.removed_at as order_removed_at'])
        .where(isUndone('e.state'))
        .where('e.due_at', '<=', now)
        .where((eb) => eb.or([eb('e.claimed_until', 'is', null), eb('e.claimed_until', '<=', now)]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('aurora_outbox as earlier')
                .select('earlier.id')
                .whereRef('earlier.number', '=', 'e.number')
                .whereRef('earlier.id', '<', 'e.id')
                .where(isUndone('earlier.state')),
            ),
          ),
        )
        .orderBy('e.due_at')
        .orderBy('e.id')
        .limit(limit)
        .execute();
      if (due.length === 0) return [];
      const claimedUntil = now + leaseMs;
      await tx
        .updateTable('aurora_outbox')
        .set({ claimed_until: claimedUntil })
        .where(
          'id',
          'in',
          due.map((entry) => entry.id),
        )
        .execute();
      // A lease that ran out: the instance holding it died, perhaps after sending the call.
      const lapsed = due.filter((entry) => entry.claimed_until !== null).map((entry) => entry.id);
      if (lapsed.length > 0) {
        await tx
          .updateTable('aurora_outbox')
          .set({ maybe_sent: 1 })
          .where('id', 'in', lapsed)
          .execute();
      }
      return due.map((entry) => ({
        ...entry,
        claimed_until: claimedUntil,
        maybe_sent: entry.claimed_until !== null ? 1 : entry.maybe_sent,
      }));
    });
  }

  /**
   * Whether an add for this order reached Aurora or may have (a remove without one is pointless;
   * one after an unanswered add is not).
   */
  async addMayHaveReachedAurora(orderId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('aurora_outbox')
      .select('id')
      .where('order_id', '=', orderId)
      .where('action', '=', 'add')
      .where((eb) => eb.or([eb('state', '=', 'delivered'), eb('maybe_sent', '=', 1)]))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Records how an attempt ended, unless the claim was lost meanwhile (lease ran out and another
   * instance took the entry). Returns the updated entry, or undefined when the claim was lost.
   */
  async finish(
    entry: ClaimedEntry,
    result: EntryResult,
    now: number,
  ): Promise<OutboxEntry | undefined> {
    const attempted = result.state !== 'dropped';
    const outcome: Outcome = {
      id: entry.id,
      claimedUntil: entry.claimed_until,
      state: result.state,
      attempts: attempted ? entry.attempts + 1 : entry.attempts,
      lastError:
        result.state === 'retrying' || result.state === 'failed'
          ? result.error
          : (result.reason ?? null),
      dueAt: result.state === 'retrying' ? result.retryAt : entry.due_at,
      maybeSent: result.state === 'retrying' && result.maybeSent ? 1 : entry.maybe_sent,
      now,
    };
    return this.store.bookkeeping(
      async (tx) => (await this.recordOutcome.execute(tx, outcome)).rows[0],
    );
  }

  /**
   * Once per period across all instances: queues an add for every active order that Aurora
   * should hold but may have forgotten (its latest call done, or none yet), and prunes old
   * finished entries. An order whose call was refused is only re-added by an instance started
   * after the refusal (a restart is how a wrong API key gets fixed). Returns how many were
   * queued, or undefined when another instance did it this period.
   */
  async reassertIfDue(
    now: number,
    periodMs: number,
    startedAt: number,
  ): Promise<number | undefined> {
    const { reassert_due_at: due } = await this.db
      .selectFrom('aurora_sync')
      .select('reassert_due_at')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if (due > now) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const { reassert_due_at } = await lockSyncRow(tx);
      if (reassert_due_at > now) return undefined;
      await tx
        .updateTable('aurora_sync')
        .set({ reassert_due_at: now + periodMs })
        .where('id', '=', 1)
        .execute();
      const orders = await activeOrdersWithLatestEntry(tx, now)
        .select(['o.id', 'o.number'])
        .where((eb) =>
          eb.or([
            eb('e.id', 'is', null),
            eb('e.state', 'in', ['delivered', 'dropped']),
            eb.and([eb('e.state', '=', 'failed'), eb('e.updated_at', '<', startedAt)]),
          ]),
        )
        .execute();
      await this.enqueue(
        tx,
        orders.map((order) => ({ orderId: order.id, number: order.number, action: 'add' })),
        now,
        'reassert',
      );
      // Calls backing off are not skipped: they are made now, with everything else.
      await bringRetriesForward(tx, now);
      await tx
        .deleteFrom('aurora_outbox')
        .where(isFinished('state'))
        .where('updated_at', '<', now - KEEP_FINISHED_MS)
        .execute();
      return orders.length;
    });
  }

  /**
   * Queues the add again for every live order whose latest call Aurora refused at least
   * `olderThanMs` ago (a wrong key, a missing grant or a switched-off feature may have been fixed
   * since). Serialised by the aurora_sync row, so two instances never both queue one order.
   */
  retryRefused(now: number, olderThanMs: number): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      await lockSyncRow(tx);
      const orders = await activeOrdersWithLatestEntry(tx, now)
        .select(['o.id', 'o.number'])
        .where('e.state', '=', 'failed')
        .where('e.action', '=', 'add')
        .where('e.updated_at', '<=', now - olderThanMs)
        .execute();
      await this.enqueue(
        tx,
        orders.map((order) => ({ orderId: order.id, number: order.number, action: 'add' })),
        now,
        'refused-retry',
      );
      return orders.length;
    });
  }

  /** Whether any call waits out a backoff (Aurora was unreachable or answered 5xx). */
  async hasBackingOff(now: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('aurora_outbox')
      .select('id')
      .where('state', '=', 'retrying')
      .where('due_at', '>', now)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Makes every call that waits out a backoff due now (Aurora answers again). */
  retryNow(now: number): Promise<number> {
    return bringRetriesForward(this.db, now);
  }

  /** The latest Aurora call of every active order, newest order first. */
  activeOrderDeliveries(now: number): Promise<ActiveOrderDelivery[]> {
    return activeOrdersWithLatestEntry(this.db, now)
      .select([
        'o.number',
        'e.action',
        'e.state',
        'e.last_error',
        'e.updated_at',
        (eb) => eb.fn.coalesce('e.attempts', eb.lit(0)).as('attempts'),
      ])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .execute();
  }

  /** How many calls wait to be made (pending or retrying). */
  async undoneCount(): Promise<{ pending: number; retrying: number; failed: number }> {
    const rows = await this.db
      .selectFrom('aurora_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
      .where('state', 'in', ['pending', 'retrying', 'failed'])
      .groupBy('state')
      .execute();
    const count = (state: OutboxState) => Number(rows.find((r) => r.state === state)?.count ?? 0);
    return { pending: count('pending'), retrying: count('retrying'), failed: count('failed') };
  }
}

/** Claimed until `claimedUntil`, unless a call for the number is still undone before it. */
function claimUnlessQueued(number: number, claimedUntil: number) {
  return sql<number | null>`(case when exists (select 1 from aurora_outbox
    where number = ${number} and state in ('pending', 'retrying'))
    then null else cast(${claimedUntil} as bigint) end)`;
}

function isClaimed(row: OutboxEntry): row is OutboxEntry & { claimed_until: number } {
  return row.claimed_until !== null;
}

/** A new outbox row for `entry`, due now. */
function pendingRow(entry: NewEntry, now: number, cause: AuroraOutboxTable['cause']) {
  return {
    order_id: entry.orderId,
    number: entry.number,
    action: entry.action,
    cause,
    created_at: now,
    due_at: now,
    state: 'pending' as const,
    attempts: 0,
    updated_at: now,
  };
}

/** Serialises claim and re-assert transactions across instances (PostgreSQL row lock). */
function lockSyncRow(tx: Transaction<Tables>) {
  return tx
    .updateTable('aurora_sync')
    .set((eb) => ({ reassert_due_at: eb.ref('reassert_due_at') }))
    .where('id', '=', 1)
    .returning('reassert_due_at')
    .executeTakeFirstOrThrow();
}

async function bringRetriesForward(db: Kysely<Tables>, now: number): Promise<number> {
  const result = await db
    .updateTable('aurora_outbox')
    .set({ due_at: now })
    .where('state', '=', 'retrying')
    .where('due_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function activeOrdersWithLatestEntry(db: Kysely<Tables>, now: number) {
  return db
    .selectFrom('orders as o')
    .leftJoin('aurora_outbox as e', (join) =>
      join.on('e.id', '=', (eb) =>
        eb
          .selectFrom('aurora_outbox as latest')
          .select((inner) => inner.fn.max('latest.id').as('id'))
          .whereRef('latest.order_id', '=', 'o.id'),
      ),
    )
    .where('o.removed_at', 'is', null)
    .where('o.expires_at', '>', now);
}
