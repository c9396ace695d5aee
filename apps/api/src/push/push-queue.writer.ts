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
  private queuedSinceTaken = false;

  constructor(private readonly repository: PushRepository) {}

  @OnDomainEvent(ORDER_CHANGES_IN_TRANSACTION, { suppressErrors: false })
  async onOrderChanges({ tx, changes, now }: OrderChangesInTransaction): Promise<void> {
    if ((await this.repository.enqueueForChanges(tx, changes, now)) > 0) {
      this.queuedSinceTaken = true;
    }
  }

  /**
   * Whether pushes were queued since the last call (a rolled-back transaction may say yes: one
   * needless look at the queue). Most orders have no follower, and then nobody looks at all.
   */
  takeQueued(): boolean {
    const queued = this.queuedSinceTaken;
    this.queuedSinceTaken = false;
    return queued;
  }
}
