import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { BackgroundWork } from '../common';
import { AppConfig, type AuroraSettings } from '../config';
import { Metrics } from '../metrics';
import { type AuroraCall, AuroraClient } from './aurora.client';
import {
  AuroraOutboxRepository,
  type ClaimedEntry,
  type EntryResult,
} from './aurora-outbox.repository';
import { AuroraProblemLog } from './aurora-problem-log';
import { toDeliveryDto } from './delivery-dto';
import { retryDelayMs } from './retry-backoff';
import { DomainEventBus } from '../events';
import { AURORA_DELIVERY_CHANGED } from './aurora-events';

/** Entries claimed at once; calls for different numbers run in parallel. */
const BATCH = 32;
/** Calls in flight at once per instance; more wait in the outbox. */
const MAX_IN_FLIGHT = 64;
/**
 * Aurora times an order out by itself: a remove this long after the order's end would find
 * nothing to remove. Generous on purpose: a late DELETE is harmless, a skipped one that was still
 * needed (a slow sweep, a rounded-up timeout) would leave a number on the screens.
 */
const AURORA_OWN_EXPIRY_SLACK_MS = 10_000;

/**
 * Delivers the outbox to Aurora: claims due entries, makes each call once, and records the
 * outcome (delivered, retry later with backoff, refused, or dropped when pointless).
 *
 * Timing: a change's calls are claimed in its own transaction and handed over when it commits
 * (AuroraOutboxWriter), so they go out within milliseconds; a call's end claims what waited for it;
 * the poll (AURORA_POLL_MS) picks up the rest (leases run out, retries come due). While calls back
 * off, Aurora is probed every AURORA_PROBE_MS and everything pending is made as soon as it answers
 * again. Every AURORA_REASSERT_SECONDS all active orders are added again (Aurora forgets on
 * restart), and refused adds of live orders are tried again every AURORA_REFUSED_RETRY_SECONDS,
 * so a fix on Aurora's side needs no restart here.
 */
@Injectable()
export class AuroraDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuroraSync');
  private readonly startedAt = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly background = new BackgroundWork();
  private readonly inFlight = new Set<Promise<void>>();
  private claiming: Promise<void> | undefined;
  private claimAgain = false;
  private probing = false;
  private stopped = false;
  /** Slots promised to calls claimed in order transactions that have not started yet. */
  private reserved = 0;
  private readonly whenNoReservations: (() => void)[] = [];

  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly client: AuroraClient,
    private readonly problems: AuroraProblemLog,
    private readonly events: DomainEventBus,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const aurora = this.config.aurora;
    if (!aurora) {
      this.logger.log('Aurora sync is off: AURORA_URL is not set');
      return;
    }
    const pacing = this.config.auroraDelivery;
    this.logger.log(`Aurora sync is on: ${new URL(aurora.url).origin}`);
    this.timers.push(setInterval(() => void this.drain(), pacing.pollMs));
    this.timers.push(
      setInterval(() => this.background.run(() => this.probeWhileBackingOff()), pacing.probeMs),
    );
    this.timers.push(
      setInterval(
        () => this.background.run(() => this.housekeeping(aurora)),
        reassertCheckMs(aurora),
      ),
    );
    this.background.run(() => this.housekeeping(aurora));
    void this.drain();
  }

  /**
   * Stops taking new entries and lets the calls in flight finish and be recorded, including the
   * calls claimed by order changes still committing (else their claims would hold them until the
   * lease ran out: an order shorter-lived than that would never reach Aurora).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.reservationsReturned();
    await this.claiming;
    await Promise.all(this.inFlight);
    await this.background.settled();
  }

  /** How long a claim holds an entry: the call's timeout and then some to record its outcome. */
  get leaseMs(): number {
    return (this.config.aurora?.timeoutMs ?? 5000) + 5000;
  }

  /**
   * Room for calls claimed inside an order's transaction, up to `wanted`: they count against
   * {@link MAX_IN_FLIGHT} from now until {@link handOver} returns the reservation.
   */
  reserveRoom(wanted: number): number {
    if (this.stopped) return 0;
    const room = Math.min(wanted, MAX_IN_FLIGHT - this.inFlight.size - this.reserved);
    this.reserved += Math.max(room, 0);
    return Math.max(room, 0);
  }

  /**
   * Takes the calls claimed in an order's transaction once it ended (none when it rolled back):
   * they start right after the answer to the request that made the change has been written and
   * before the board fan-out, which is queued the same way but later. Calls queued unclaimed (an
   * earlier call for the number still undone, or no room) are left to a claim.
   */
  handOver(claimed: readonly ClaimedEntry[], reserved: number, unclaimed: number): void {
    setImmediate(() => {
      // Made even while stopping: shutdown waits for these calls as for any other in flight.
      claimed.forEach((entry) => this.start(entry));
      this.reserved -= reserved;
      if (this.reserved === 0) this.whenNoReservations.splice(0).forEach((resolve) => resolve());
      if (unclaimed > 0) void this.drain();
    });
  }

  /** Until every reservation came back through {@link handOver}, at most one lease long. */
  private async reservationsReturned(): Promise<void> {
    if (this.reserved === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.whenNoReservations.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.leaseMs))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Claims and starts every due call (up to {@link MAX_IN_FLIGHT} at once) without waiting for
   * the calls already in flight; claims never run twice at once in this instance.
   */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.claiming) {
      this.claimAgain = true;
      return this.claiming;
    }
    this.claiming = this.claimUntilIdle().finally(() => (this.claiming = undefined));
    return this.claiming;
  }

  private async claimUntilIdle(): Promise<void> {
    const leaseMs = this.leaseMs;
    do {
      this.claimAgain = false;
      try {
        while (!this.stopped && this.inFlight.size + this.reserved < MAX_IN_FLIGHT) {
          const now = Date.now();
          if (!(await this.outbox.hasDue(now))) break;
          const room = Math.min(BATCH, MAX_IN_FLIGHT - this.inFlight.size - this.reserved);
          const claimed = await this.outbox.claimDue(now, room, leaseMs);
          if (claimed.length === 0) break;
          claimed.forEach((entry) => this.start(entry));
        }
      } catch (error) {
        this.logger.error(`Aurora outbox delivery failed: ${(error as Error).message}`);
        return;
      }
    } while (this.claimAgain && !this.stopped);
  }

  /** Makes one claimed call; when it is recorded, the number's next call may be claimed. */
  private start(entry: ClaimedEntry): void {
    const delivery: Promise<void> = this.deliver(entry)
      .catch((error: unknown) =>
        this.logger.error(`Aurora delivery not recorded: ${(error as Error).message}`),
      )
      .finally(() => {
        this.inFlight.delete(delivery);
        void this.drain();
      });
    this.inFlight.add(delivery);
  }

  private async deliver(entry: ClaimedEntry): Promise<void> {
    const result = await this.attempt(entry);
    const updated = await this.outbox.finish(entry, result, Date.now());
    if (updated && updated.state !== 'dropped') {
      this.events.emit(AURORA_DELIVERY_CHANGED, toDeliveryDto(updated, true));
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
        this.problems.refused(call, outcome.status, this.config.auroraDelivery.refusedRetrySeconds);
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

  /** Re-assert when due, and queue refused adds of live orders again when their time came. */
  private async housekeeping(aurora: AuroraSettings): Promise<void> {
    if (this.stopped) return;
    try {
      const now = Date.now();
      const reasserted = await this.outbox.reassertIfDue(
        now,
        aurora.reassertSeconds * 1000,
        this.startedAt,
      );
      const retried = await this.outbox.retryRefused(
        now,
        this.config.auroraDelivery.refusedRetrySeconds * 1000,
      );
      if (reasserted !== undefined || retried > 0) await this.drain();
    } catch (error) {
      this.logger.error(`Aurora re-assert failed: ${(error as Error).message}`);
    }
  }

  /**
   * While calls wait out a backoff, asks Aurora whether it answers again; when it does, every
   * pending call is made at once instead of at the end of its backoff (up to a minute).
   */
  private async probeWhileBackingOff(): Promise<void> {
    if (this.stopped || this.probing) return;
    this.probing = true;
    try {
      if (!(await this.outbox.hasBackingOff(Date.now()))) return;
      const probe = await this.client.probe();
      if (probe.kind === 'unreachable' || this.stopped) return;
      // Answering, even with a refusal: the calls themselves find out which.
      if ((await this.outbox.retryNow(Date.now())) > 0) await this.drain();
    } catch (error) {
      this.logger.error(`Aurora probe failed: ${(error as Error).message}`);
    } finally {
      this.probing = false;
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
