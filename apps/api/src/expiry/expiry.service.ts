import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config';
import { OrderChangedEvent } from '../orders';
import { OrdersService } from '../orders';
import { OnDomainEvent } from '../events';
import { ORDER_DOMAIN_EVENTS } from '../orders';

const PRECISE_TIMER = 'expiry-precise';
const SWEEP_INTERVAL = 'expiry-sweep';
const PRUNE_INTERVAL = 'orders-prune';
const PRUNE_EVERY_MS = 3600_000;
/** setTimeout cannot wait longer than this; a longer wait is re-armed by the sweep. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Removes each order at its expiresAt. A precise timer is armed for the earliest order this
 * instance knows of; a periodic sweep catches orders created by other instances and anything a
 * timer missed. On start, overdue orders (e.g. after downtime) are removed at once.
 */
@Injectable()
export class ExpiryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExpiryService.name);
  private timerDueAt: number | undefined;
  private sweeping: Promise<void> | undefined;
  private pruning: Promise<void> | undefined;
  private sweepAgain = false;
  private stopped = false;

  constructor(
    private readonly orders: OrdersService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.scheduler.addInterval(
      SWEEP_INTERVAL,
      setInterval(() => void this.sweep(), this.config.expirySweepMs),
    );
    void this.prune();
    this.scheduler.addInterval(
      PRUNE_INTERVAL,
      setInterval(() => void this.prune(), PRUNE_EVERY_MS),
    );
  }

  /** Old removed orders go, hourly and at start (idempotent, so every instance may do it). */
  private prune(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.pruning ??= this.runPrune().finally(() => (this.pruning = undefined));
    return this.pruning;
  }

  private async runPrune(): Promise<void> {
    try {
      const pruned = await this.orders.pruneOldRemoved();
      if (pruned > 0) this.logger.log(`Pruned ${pruned} orders removed long ago`);
    } catch (error) {
      this.logger.error(`Pruning old orders failed: ${(error as Error).message}`);
    }
  }

  /**
   * Runs before any store closes (those close in onApplicationShutdown): no new sweep or prune
   * starts, and the ones in flight finish against an open store.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    if (this.scheduler.doesExist('interval', SWEEP_INTERVAL)) {
      this.scheduler.deleteInterval(SWEEP_INTERVAL);
    }
    if (this.scheduler.doesExist('interval', PRUNE_INTERVAL)) {
      this.scheduler.deleteInterval(PRUNE_INTERVAL);
    }
    await Promise.all([this.sweeping, this.pruning]);
  }

  // One decorator per event: EventEmitter2 reads an array as one namespaced event name.
  @OnDomainEvent(ORDER_DOMAIN_EVENTS.created)
  @OnDomainEvent(ORDER_DOMAIN_EVENTS.refreshed)
  onOrderScheduled(event: OrderChangedEvent): void {
    this.armTimer(Date.parse(event.order.expiresAt));
  }

  /** Removes what is due, then arms the timer for the next order. Never runs twice at once. */
  sweep(): Promise<void> {
    if (this.sweeping) {
      this.sweepAgain = true;
      return this.sweeping;
    }
    this.sweeping = this.runSweeps().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async runSweeps(): Promise<void> {
    do {
      this.sweepAgain = false;
      if (this.stopped) return;
      try {
        await this.orders.expireDue();
        const next = await this.orders.nextExpiry();
        if (next !== undefined) this.armTimer(next, true);
      } catch (error) {
        this.logger.error(`Expiry sweep failed: ${(error as Error).message}`);
      }
    } while (this.sweepAgain);
  }

  /** Arms the timer for `dueAt` unless one is already armed for an earlier moment. */
  private armTimer(dueAt: number, replace = false): void {
    if (this.stopped) return;
    if (!replace && this.timerDueAt !== undefined && this.timerDueAt <= dueAt) return;
    this.clearTimer();
    this.timerDueAt = dueAt;
    const delay = Math.min(Math.max(dueAt - Date.now(), 0), MAX_TIMER_MS);
    this.scheduler.addTimeout(
      PRECISE_TIMER,
      setTimeout(() => {
        this.scheduler.deleteTimeout(PRECISE_TIMER);
        this.timerDueAt = undefined;
        void this.sweep();
      }, delay),
    );
  }

  private clearTimer(): void {
    if (this.scheduler.doesExist('timeout', PRECISE_TIMER)) {
      this.scheduler.deleteTimeout(PRECISE_TIMER);
    }
    this.timerDueAt = undefined;
  }
}
