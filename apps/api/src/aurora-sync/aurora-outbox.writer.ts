import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config';
import { ORDER_CHANGES_IN_TRANSACTION, OrderChangesInTransaction } from '../orders';
import type { ClaimedEntry } from './aurora-outbox.repository';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { AuroraDeliveryWorker } from './aurora-delivery.worker';
import { OnDomainEvent } from '../events';

/**
 * Turns each order change into the Aurora call it needs, written inside the same transaction:
 * created or refreshed → add, removed → remove. If this write fails, the order change fails too,
 * so no acknowledged order can miss its call. Nothing is written while sync is off.
 *
 * The calls are claimed for this instance in that same transaction and handed to the worker when
 * it commits: the call goes out right after the webhook's answer, with no claim round trip to the
 * store in between (on PostgreSQL that round trip used to land after the board fan-out).
 */
@Injectable()
export class AuroraOutboxWriter {
  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly worker: AuroraDeliveryWorker,
    private readonly config: AppConfig,
  ) {}

  @OnDomainEvent(ORDER_CHANGES_IN_TRANSACTION, { suppressErrors: false })
  async onOrderChanges({
    tx,
    changes,
    now,
    afterTransaction,
  }: OrderChangesInTransaction): Promise<void> {
    if (!this.config.aurora) return;
    const room = this.worker.reserveRoom(changes.length);
    let claimed: ClaimedEntry[] = [];
    afterTransaction((outcome) =>
      outcome === 'committed'
        ? this.worker.handOver(claimed, room, changes.length - claimed.length)
        : this.worker.handOver([], room, 0),
    );
    const orders = new Map(changes.map(({ order }) => [order.id, order]));
    const rows = await this.outbox.enqueueClaimed(
      tx,
      changes.map(({ kind, order }) => ({
        orderId: order.id,
        number: order.number,
        action: kind === 'removed' ? 'remove' : 'add',
      })),
      now,
      now + this.worker.leaseMs,
      room,
    );
    claimed = rows.map((row) => {
      const order = orders.get(row.order_id);
      return {
        ...row,
        order_expires_at: order?.expires_at ?? null,
        order_removed_at: order?.removed_at ?? null,
      };
    });
  }
}
