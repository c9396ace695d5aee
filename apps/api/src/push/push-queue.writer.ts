import { Injectable } from '@nestjs/common';
import { ORDER_CHANGES_IN_TRANSACTION, OrderChangesInTransaction } from '../orders';
import { PushRepository } from './push.repository';
import { OnDomainEvent } from '../events';

/**
 * Queues the followers' pushes inside the transaction of the order change that calls them: the
 * change and its pushes commit together, once, on whichever instance made it.
 */
@Injectable()
export class PushQueueWriter {
  constructor(private readonly repository: PushRepository) {}

  @OnDomainEvent(ORDER_CHANGES_IN_TRANSACTION, { suppressErrors: false })
  async onOrderChanges({ tx, changes, now }: OrderChangesInTransaction): Promise<void> {
    await this.repository.enqueueForChanges(tx, changes, now);
  }
}
