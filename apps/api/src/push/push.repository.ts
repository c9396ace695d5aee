import { Injectable } from '@nestjs/common';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { PushSubscriptionRequest } from '@hubble/contracts';
import type { OrderChange } from '../orders';
import type {
  PushDeliveriesTable,
  PushDeliveryState,
  PushSubscriptionsTable,
  Tables,
} from '../persistence';
import { firstDueIn, isFinished, isUndone, PreparedQuery, Store } from '../persistence';

export type PushDelivery = Selectable<PushDeliveriesTable>;
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

/** A claimed delivery with the subscription it goes to (absent: unsubscribed meanwhile). */
export interface ClaimedDelivery extends PushDelivery {
  claimed_until: number;
  subscription: PushSubscriptionRow | undefined;
  /** Whether the order is still on the board (order pushes only). */
  orderActive: boolean;
}

export type DeliveryResult =
  | { state: Extract<PushDeliveryState, 'delivered' | 'dropped' | 'failed'>; note?: string }
  | { state: 'retrying'; error: string; retryAt: number };

export type SubscribeOutcome = 'stored' | 'number-full' | 'store-full';

/**
 * A number as a bound parameter in a select list. Typed, so PostgreSQL knows what it is; bound
 * rather than inlined, so the statement's text is the same for every order and stays prepared.
 */
function integerValue(value: number) {
  return sql<number>`cast(${value} as bigint)`;
}

/** The columns every newly queued delivery sets last (its times and its pending state). */
const PENDING_DELIVERY_COLUMNS = [
  'created_at',
  'due_at',
  'expires_at',
  'state',
  'attempts',
  'updated_at',
] as const;

/** Finished deliveries are kept this long (diagnosis), then pruned. */
const KEEP_FINISHED_MS = 24 * 3600_000;

/** The pushes an order's followers get: one per live subscription to its number. */
function queueFollowerPushes(kind: 'ready' | 'again') {
  return new PreparedQuery<
    { orderId: number; number: number; now: number; expiresAt: number },
    never
  >((db, slot) =>
    db
      .insertInto('push_deliveries')
      .columns(['subscription_id', 'order_id', 'number', 'kind', ...PENDING_DELIVERY_COLUMNS])
      .expression((eb) =>
        eb
          .selectFrom('push_subscriptions')
          .select([
            'id',
            integerValue(slot('orderId')).as('order_id'),
            integerValue(slot('number')).as('number'),
            sql.lit(kind).as('kind'),
            integerValue(slot('now')).as('created_at'),
            integerValue(slot('now')).as('due_at'),
            integerValue(slot('expiresAt')).as('expires_at'),
            sql.lit('pending').as('state'),
            sql.lit(0).as('attempts'),
            integerValue(slot('now')).as('updated_at'),
          ])
          .where('order_number', '=', slot('number'))
          .where('expires_at', '>', slot('now')),
      ),
  );
}

/** All SQL of Web Push, one code for SQLite and PostgreSQL. Reads `orders`, never writes it. */
@Injectable()
export class PushRepository {
  // An order change's push statements, compiled once (see PreparedQuery): they run in every
  // order's transaction, on the webhook's path.
  private readonly dropSupersededPushes = new PreparedQuery<{ number: number; now: number }, never>(
    (db, slot) =>
      db
        .updateTable('push_deliveries')
        .set({
          state: 'dropped',
          last_error: 'superseded by a later call',
          updated_at: slot('now'),
        })
        .where('number', '=', slot('number'))
        .where('kind', '!=', 'broadcast')
        .where(isUndone('state'))
        .where('claimed_until', 'is', null),
  );
  /** {@link hasDue}'s read, compiled once: it runs after every push and every poll. */
  private readonly firstDue = firstDueIn('push_deliveries');
  private readonly queueFollowerPushes = {
    created: queueFollowerPushes('ready'),
    refreshed: queueFollowerPushes('again'),
  };

  constructor(private readonly store: Store) {}

  private get db(): Kysely<Tables> {
    return this.store.db;
  }

  readVapid() {
    return this.db
      .selectFrom('push_vapid')
      .select(['public_key', 'private_key'])
      .where('id', '=', 1)
      .executeTakeFirst();
  }

  /** Stores the pair unless another instance stored one first; the stored one wins. */
  async storeVapidIfAbsent(publicKey: string, privateKey: string, now: number): Promise<void> {
    await this.db
      .insertInto('push_vapid')
      .values({ id: 1, public_key: publicKey, private_key: privateKey, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /**
   * Stores (or moves to another number) one browser's subscription until `expiresAt`, unless
   * the number or the whole store already holds as many followers as allowed.
   */
  subscribe(
    request: PushSubscriptionRequest,
    now: number,
    expiresAt: number,
    limits: { perNumber: number; total: number },
  ): Promise<SubscribeOutcome> {
    const { endpoint, keys } = request.subscription;
    return this.db.transaction().execute(async (tx) => {
      const live = (number?: number) => {
        let query = tx
          .selectFrom('push_subscriptions')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('expires_at', '>', now)
          .where('endpoint', '!=', endpoint);
        if (number !== undefined) query = query.where('order_number', '=', number);
        return query.executeTakeFirstOrThrow().then((row) => Number(row.count));
      };
      if ((await live(request.orderNumber)) >= limits.perNumber) return 'number-full';
      if ((await live()) >= limits.total) return 'store-full';
      const row = {
        p256dh: keys.p256dh,
        auth: keys.auth,
        order_number: request.orderNumber,
        lang: request.lang,
        created_at: now,
        expires_at: expiresAt,
      };
      await tx
        .insertInto('push_subscriptions')
        .values({ endpoint, ...row })
        .onConflict((oc) => oc.column('endpoint').doUpdateSet(row))
        .execute();
      return 'stored';
    });
  }

  /** Forgets a subscription and whatever was still to be sent to it. */
  async unsubscribe(endpoint: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const gone = await tx
        .deleteFrom('push_subscriptions')
        .where('endpoint', '=', endpoint)
        .returning('id')
        .execute();
      await dropUndoneOf(
        tx,
        gone.map((row) => row.id),
      );
    });
  }

  async deleteSubscription(id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('push_subscriptions').where('id', '=', id).execute();
      await dropUndoneOf(tx, [id]);
    });
  }

  /**
   * Queues one push per live follower for each order that was created or called again, inside
   * the order change's transaction: exactly one queued push per follower per call, whichever
   * instance made the change. A push still waiting for an earlier call of the number is
   * superseded (the new one replaces it, as its notification would).
   */
  async enqueueForChanges(
    tx: Kysely<Tables>,
    changes: readonly Omit<OrderChange, 'version'>[],
    now: number,
  ): Promise<number> {
    let queued = 0;
    for (const { kind, order } of changes) {
      if (kind === 'removed') continue;
      const values = { number: order.number, now };
      await this.dropSupersededPushes.execute(tx, values);
      const inserted = await this.queueFollowerPushes[kind].execute(tx, {
        ...values,
        orderId: order.id,
        expiresAt: order.expires_at,
      });
      queued += Number(inserted.numAffectedRows ?? 0);
    }
    return queued;
  }

  /** Queues one push to every live subscription (an announcement such as an evacuation). */
  async enqueueBroadcast(message: string, now: number, expiresAt: number): Promise<number> {
    const result = await this.db
      .insertInto('push_deliveries')
      .columns(['subscription_id', 'kind', 'message', ...PENDING_DELIVERY_COLUMNS])
      .expression((eb) =>
        eb
          .selectFrom('push_subscriptions')
          .select([
            'id',
            sql.lit('broadcast').as('kind'),
            sql<string>`${message}`.as('message'),
            sql.lit(now).as('created_at'),
            sql.lit(now).as('due_at'),
            sql.lit(expiresAt).as('expires_at'),
            sql.lit('pending').as('state'),
            sql.lit(0).as('attempts'),
            sql.lit(now).as('updated_at'),
          ])
          .where('expires_at', '>', now),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async hasDue(now: number): Promise<boolean> {
    return (await this.firstDue.execute(this.db, { now })).rows.length > 0;
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs` in one UPDATE whose conditions are checked
   * again on each row it locks, so of two instances racing for a row only one gets it (the other's
   * update finds it claimed). A lease that runs out (a crashed instance) frees the row.
   */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const claimedUntil = now + leaseMs;
    const claimed = await this.store.bookkeeping((tx) =>
      tx
        .updateTable('push_deliveries')
        .set({ claimed_until: claimedUntil })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('push_deliveries')
            .select('id')
            .where(isUndone('state'))
            .where('due_at', '<=', now)
            .where((inner) =>
              inner.or([inner('claimed_until', 'is', null), inner('claimed_until', '<=', now)]),
            )
            .orderBy('due_at')
            .orderBy('id')
            .limit(limit),
        )
        .where(isUndone('state'))
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .returningAll()
        .execute(),
    );
    if (claimed.length === 0) return [];
    const subscriptionIds = [...new Set(claimed.map((row) => row.subscription_id))];
    const subscriptions = await this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('id', 'in', subscriptionIds)
      .execute();
    const orderIds = [
      ...new Set(claimed.flatMap((row) => (row.order_id === null ? [] : [row.order_id]))),
    ];
    const activeOrders = new Set(
      orderIds.length === 0
        ? []
        : (
            await this.db
              .selectFrom('orders')
              .select('id')
              .where('id', 'in', orderIds)
              .where('removed_at', 'is', null)
              .where('expires_at', '>', now)
              .execute()
          ).map((row) => Number(row.id)),
    );
    const byId = new Map(subscriptions.map((row) => [Number(row.id), row]));
    return claimed.map((row) => ({
      ...row,
      claimed_until: claimedUntil,
      subscription: byId.get(Number(row.subscription_id)),
      orderActive: row.order_id === null || activeOrders.has(Number(row.order_id)),
    }));
  }

  /** Records how an attempt ended, unless the claim was lost meanwhile. */
  async finish(delivery: ClaimedDelivery, result: DeliveryResult, now: number): Promise<void> {
    const attempted = result.state !== 'dropped';
    await this.store.bookkeeping((tx) =>
      tx
        .updateTable('push_deliveries')
        .set({
          state: result.state,
          attempts: attempted ? delivery.attempts + 1 : delivery.attempts,
          last_error: result.state === 'retrying' ? result.error : (result.note ?? null),
          due_at: result.state === 'retrying' ? result.retryAt : delivery.due_at,
          claimed_until: null,
          updated_at: now,
        })
        .where('id', '=', delivery.id)
        .where('claimed_until', '=', delivery.claimed_until)
        .execute(),
    );
  }

  /** Deletes subscriptions past the follow memory and old finished deliveries. */
  async prune(now: number): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const gone = await tx
        .deleteFrom('push_subscriptions')
        .where('expires_at', '<=', now)
        .returning('id')
        .execute();
      await dropUndoneOf(
        tx,
        gone.map((row) => row.id),
      );
      await tx
        .deleteFrom('push_deliveries')
        .where(isFinished('state'))
        .where('updated_at', '<', now - KEEP_FINISHED_MS)
        .execute();
      return gone.length;
    });
  }

  async undoneCount(): Promise<number> {
    const row = await this.db
      .selectFrom('push_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(isUndone('state'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function dropUndoneOf(tx: Kysely<Tables>, subscriptionIds: number[]) {
  if (subscriptionIds.length === 0) return Promise.resolve();
  return tx
    .updateTable('push_deliveries')
    .set({ state: 'dropped', last_error: 'unsubscribed' })
    .where('subscription_id', 'in', subscriptionIds)
    .where(isUndone('state'))
    .execute()
    .then(() => undefined);
}
