import { Injectable } from '@nestjs/common';
import type { BroadcastMessage } from './push-messages';
import { PUSH_QUEUED } from './push-queued-event';
import { PushRepository } from './push.repository';
import { DomainEventBus } from '../events';

export type { BroadcastMessage } from './push-messages';

/**
 * For other modules: one push to every live subscription (e.g. the café's evacuation state),
 * each in the subscriber's language, sent once across instances like the order pushes.
 */
@Injectable()
export class PushBroadcast {
  constructor(
    private readonly repository: PushRepository,
    private readonly events: DomainEventBus,
  ) {}

  /** Queues the push; returns how many subscriptions it goes to. */
  async toEveryLiveSubscription(message: BroadcastMessage, ttlSeconds: number): Promise<number> {
    const now = Date.now();
    const queued = await this.repository.enqueueBroadcast(
      JSON.stringify(message),
      now,
      now + ttlSeconds * 1000,
    );
    this.events.emit(PUSH_QUEUED, undefined);
    return queued;
  }
}
