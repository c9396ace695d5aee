import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { AURORA_EVENTS, ORDER_EVENTS } from '@hubble/contracts';
import { AppConfig, type AuroraSettings } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { type AuroraCall, AuroraClient } from './aurora.client';
import {
  AuroraOutboxRepository,
  type ClaimedEntry,
  type EntryResult,
} from './aurora-outbox.repository';
import { AuroraProblemLog } from './aurora-problem-log';
import { toDeliveryDto } from './delivery-dto';
import { retryDelayMs } from './retry-backoff';

/** How often each instance looks for due entries (other instances' changes, retries). */
const POLL_MS = 500;
/** Entries claimed at once; calls for different numbers run in parallel. */
const BATCH = 32;
/**
 * Aurora times an order out by itself: a remove this long after the order's end would find
 * nothing to remove. Generous on purpose: a late DELETE is harmless, a skipped one that was still
 * needed (a slow sweep, a rounded-up timeout) would leave a number on the screens.
 */
const AURORA_OWN_EXPIRY_SLACK_MS = 10_000;

/**
 * Delivers the outbox to Aurora: claims due entries, makes each call once, and records the
 * outcome (delivered, retry later with backoff, refused for good, or dropped when pointless).
 * Also re-adds all active orders every AURORA_REASSERT_SECONDS, as Aurora forgets on restart.
 */
@Injectable()
export class AuroraDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuroraSync');
  private readonly startedAt = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;

  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly client: AuroraClient,
    private readonly problems: AuroraProblemLog,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const aurora = this.config.aurora;
    if (!aurora) {
      this.logger.log('Aurora sync is off: AURORA_URL is not set');
      return;
    }
    this.logger.log(`Aurora sync is on: ${new URL(aurora.url).origin}`);
    this.timers.push(setInterval(() => void this.drain(), POLL_MS));
    this.timers.push(setInterval(() => void this.reassert(aurora), reassertCheckMs(aurora)));
    void this.reassert(aurora);
    void this.drain();
  }

  /** Stops taking new entries and lets the calls in flight finish and be recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.draining;
  }

  /** Calls queued by this instance go out at once instead of at the next poll. */
  @OnEvent([ORDER_EVENTS.created, ORDER_EVENTS.refreshed, ORDER_EVENTS.removed])
  onOrderChanged(): void {
    if (this.config.aurora) void this.drain();
  }

  /** Delivers everything due; never runs twice at once in this instance. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drainUntilIdle().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainUntilIdle(): Promise<void> {
    const leaseMs = (this.config.aurora?.timeoutMs ?? 5000) + 5000;
    do {
      this.drainAgain = false;
      try {
        while (!this.stopped && (await this.outbox.hasDue(Date.now()))) {
          const claimed = await this.outbox.claimDue(Date.now(), BATCH, leaseMs);
          if (claimed.length === 0) break;
          await Promise.all(claimed.map((entry) => this.deliver(entry)));
        }
      } catch (error) {
        this.logger.error(`Aurora outbox delivery failed: ${(error as Error).message}`);
        return;
      }
    } while (this.drainAgain && !this.stopped);
  }

  private async deliver(entry: ClaimedEntry): Promise<void> {
    const result = await this.attempt(entry);
    const updated = await this.outbox.finish(entry, result, Date.now());
    if (updated && updated.state !== 'dropped') {
      this.events.emit(AURORA_EVENTS.delivery, toDeliveryDto(updated, true));
    }
  }

  private async attempt(entry: ClaimedEntry): Promise<EntryResult> {
    const call = await this.callFor(entry);
    if ('dropped' in call) return { state: 'dropped', reason: call.dropped };
    const started = performance.now();
    const outcome = await this.client.call(call);
    this.metrics.auroraCall(call.action, outcome.kind, (performance.now() - started) / 1000);
    switch (outcome.kind) {
      case 'delivered':
        this.problems.delivered();
        return { state: 'delivered' };
      case 'retry':
        this.problems.willRetry(call, outcome.error);
        return {
          state: 'retrying',
          error: outcome.error,
          retryAt: Date.now() + retryDelayMs(entry.attempts + 1),
          maybeSent: mayHaveBeenSent(outcome.error),
        };
      case 'refused':
        this.problems.refused(call, outcome.status);
        return { state: 'failed', error: outcome.error };
    }
  }

  /** The call to make now, or why none is needed any more. */
  private async callFor(entry: ClaimedEntry): Promise<AuroraCall | { dropped: string }> {
    const now = Date.now();
    const expiresAt = entry.order_expires_at;
    if (entry.action === 'add') {
      if (entry.order_removed_at !== null || expiresAt === null || expiresAt <= now) {
        return { dropped: 'order no longer active' };
      }
      const timeoutSeconds = Math.ceil((expiresAt - now) / 1000);
      return { action: 'add', orderNumber: entry.number, timeoutSeconds };
    }
    if (expiresAt !== null && now >= expiresAt + AURORA_OWN_EXPIRY_SLACK_MS) {
      return { dropped: 'Aurora has timed the order out itself' };
    }
    if (!(await this.outbox.addMayHaveReachedAurora(entry.order_id))) {
      return { dropped: 'the add never reached Aurora' };
    }
    return { action: 'remove', orderNumber: entry.number };
  }

  private async reassert(aurora: AuroraSettings): Promise<void> {
    if (this.stopped) return;
    try {
      const queued = await this.outbox.reassertIfDue(
        Date.now(),
        aurora.reassertSeconds * 1000,
        this.startedAt,
      );
      if (queued) await this.drain();
    } catch (error) {
      this.logger.error(`Aurora re-assert failed: ${(error as Error).message}`);
    }
  }
}

/** Errors that prove the call never reached Aurora; any other unanswered call may have. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function mayHaveBeenSent(error: string): boolean {
  return !error.startsWith('HTTP ') && !NOT_SENT.has(error);
}

/** Each instance checks this often whether a re-assert is due; the store decides who does it. */
function reassertCheckMs(aurora: AuroraSettings): number {
  return Math.min(Math.max((aurora.reassertSeconds * 1000) / 10, 250), 5000);
}
