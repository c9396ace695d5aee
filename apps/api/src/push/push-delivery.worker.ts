import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { pushTagFor } from '@hubble/contracts';
import { PushNotificationLook } from './notification-look';
import { endpointForLog } from './push-endpoint-policy';
import {
  broadcastPushPayload,
  type BroadcastMessage,
  type NotificationLook,
  orderPushPayload,
} from './push-messages';
import { PUSH_QUEUED } from './push-queued-event';
import { PushQueueWriter } from './push-queue.writer';
import { type ClaimedDelivery, type DeliveryResult, PushRepository } from './push.repository';
import { type PushMessage, PushSender } from './push-sender';
import { BackgroundWork } from '../common';
import { OnDomainEvent } from '../events';
import { ORDER_DOMAIN_EVENTS } from '../orders';

/** How often each instance looks for due pushes (other instances' changes, retries). */
const POLL_MS = 500;
/** Pushes claimed at once and sent in parallel (1,000 followers of one order: 10 rounds). */
const BATCH = 100;
const LEASE_SLACK_MS = 5000;
const PRUNE_MS = 10 * 60_000;

/**
 * Sends the queued pushes: claims due deliveries, sends each once, records the outcome. 404/410
 * deletes the subscription; 429, 5xx and network errors retry with backoff while the push still
 * matters (until the order's end); anything else fails for good.
 */
@Injectable()
export class PushDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Push');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly background = new BackgroundWork();
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;

  constructor(
    private readonly repository: PushRepository,
    private readonly sender: PushSender,
    private readonly look: PushNotificationLook,
    private readonly queue: PushQueueWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.timers.push(setInterval(() => void this.drain(), POLL_MS));
    this.timers.push(setInterval(() => this.background.run(() => this.prune()), PRUNE_MS));
    this.background.run(() => this.prune());
    void this.drain();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.draining;
    await this.background.settled();
  }

  /**
   * Pushes queued by this instance go out at once instead of at the next poll — right after the
   * answer to the request that queued them has been written.
   */
  @OnDomainEvent(ORDER_DOMAIN_EVENTS.created)
  @OnDomainEvent(ORDER_DOMAIN_EVENTS.refreshed)
  onOrderChanged(): void {
    if (this.queue.takeQueued()) setImmediate(() => void this.drain());
  }

  @OnDomainEvent(PUSH_QUEUED)
  onQueued(): void {
    setImmediate(() => void this.drain());
  }

  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drainUntilIdle().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainUntilIdle(): Promise<void> {
    const leaseMs = this.sender.timeoutMs + LEASE_SLACK_MS;
    do {
      this.drainAgain = false;
      try {
        while (!this.stopped && (await this.repository.hasDue(Date.now()))) {
          const claimed = await this.repository.claimDue(Date.now(), BATCH, leaseMs);
          if (claimed.length === 0) break;
          await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
        }
      } catch (error) {
        this.logger.error(`Push delivery failed: ${(error as Error).message}`);
        return;
      }
    } while (this.drainAgain && !this.stopped);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.attempt(delivery);
    await this.repository.finish(delivery, result, Date.now());
  }

  private async attempt(delivery: ClaimedDelivery): Promise<DeliveryResult> {
    const now = Date.now();
    const subscription = delivery.subscription;
    if (!subscription || subscription.expires_at <= now) {
      return { state: 'dropped', note: 'unsubscribed' };
    }
    if (!delivery.orderActive) return { state: 'dropped', note: 'order no longer on the board' };
    if (delivery.expires_at <= now) return { state: 'dropped', note: 'too late' };
    const outcome = await this.sender.send(
      subscription,
      messageFor(this.look.look, delivery, subscription.lang, now),
    );
    switch (outcome.kind) {
      case 'delivered':
        return { state: 'delivered' };
      case 'gone':
        await this.repository.deleteSubscription(subscription.id);
        return { state: 'failed', note: `HTTP ${outcome.status}: subscription deleted` };
      case 'refused':
        this.logger.warn(
          `Push to ${endpointForLog(subscription.endpoint)} refused (${outcome.error}); not retried`,
        );
        return { state: 'failed', note: outcome.error };
      case 'retry': {
        const retryAt =
          Date.now() + Math.max(pushRetryDelayMs(delivery.attempts + 1), outcome.retryAfterMs ?? 0);
        if (retryAt >= delivery.expires_at) {
          return { state: 'failed', note: `${outcome.error}; no time left to retry` };
        }
        return { state: 'retrying', error: outcome.error, retryAt };
      }
    }
  }

  private async prune(): Promise<void> {
    try {
      await this.repository.prune(Date.now());
    } catch (error) {
      this.logger.error(`Push pruning failed: ${(error as Error).message}`);
    }
  }
}

function messageFor(
  look: NotificationLook,
  delivery: ClaimedDelivery,
  lang: string,
  now: number,
): PushMessage {
  const ttlSeconds = Math.max(1, Math.ceil((delivery.expires_at - now) / 1000));
  if (delivery.kind === 'broadcast') {
    const message = JSON.parse(delivery.message ?? '{}') as BroadcastMessage;
    return {
      payload: broadcastPushPayload(look, message, lang),
      ttlSeconds,
      topic: topicOf(message.tag),
    };
  }
  const number = delivery.number ?? 0;
  return {
    payload: orderPushPayload(look, number, delivery.kind, lang),
    ttlSeconds,
    topic: pushTagFor(number),
  };
}

/** RFC 8030 topics: at most 32 base64url characters. */
function topicOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 32);
}

/**
 * Delay before retry `attempt` (1 = first): 1 s doubling up to 30 s, with equal jitter so that
 * a push service recovering from an outage is not hit by every follower at the same moment.
 */
export function pushRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
