import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config';
import { ORDER_CHANGES_IN_TRANSACTION, OrderChangesInTransaction } from '../orders';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { OnDomainEvent } from '../events';

/**
 * Turns each order change into the Aurora call it needs, written inside the same transaction:
 * created or refreshed → add, removed → remove. If this write fails, the order change fails too,
 * so no acknowledged order can miss its call. Nothing is written while sync is off.
 */
@Injectable()
export class AuroraOutboxWriter {
  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  @OnDomainEvent(ORDER_CHANGES_IN_TRANSACTION, { suppressErrors: false })
  async onOrderChanges({ tx, changes, now }: OrderChangesInTransaction): Promise<void> {
    if (!this.config.aurora) return;
    await this.outbox.enqueue(
      tx,
      changes.map(({ kind, order }) => ({
        orderId: order.id,
        number: order.number,
        action: kind === 'removed' ? 'remove' : 'add',
      })),
      now,
    );
  }
}
