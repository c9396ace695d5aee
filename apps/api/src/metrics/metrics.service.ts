import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RemovedReason } from '@hubble/contracts';

export type WebhookOutcome =
  | 'accepted'
  | 'refreshed'
  | 'bad_request'
  | 'too_large'
  | 'bad_signature'
  | 'no_key'
  | 'throttled'
  | 'refused';
export type FeedName = 'board' | 'admin';

type OutboxDepth = () => Promise<{ pending: number; retrying: number; failed: number }>;

/**
 * The Prometheus metrics of this instance, in a registry of its own (no process-wide state, so
 * two apps in one process do not mix). Modules record through the methods below.
 */
/** How an Aurora call ended, as counted (the Aurora client's outcome kinds must fit it). */
export type AuroraCallLabel = 'delivered' | 'retry' | 'refused';

@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private outboxDepth: OutboxDepth | undefined;
  private readonly clientCounts = new Map<FeedName, () => number>();

  private readonly webhooks = new Counter({
    name: 'hubble_webhooks_total',
    help: 'Star Community webhooks by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly ordersCreated = new Counter({
    name: 'hubble_orders_created_total',
    help: 'Orders put on the board, by source (refreshes not included)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private readonly ordersRefreshed = new Counter({
    name: 'hubble_orders_refreshed_total',
    help: 'Orders whose number arrived again while on the board',
    registers: [this.registry],
  });
  private readonly ordersRemoved = new Counter({
    name: 'hubble_orders_removed_total',
    help: 'Orders taken off the board, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly auroraCalls = new Counter({
    name: 'hubble_aurora_calls_total',
    help: 'Calls made to Aurora, by action and outcome',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly auroraLatency = new Histogram({
    name: 'hubble_aurora_call_seconds',
    help: 'Duration of calls to Aurora',
    labelNames: ['action'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly broadcastDelay = new Histogram({
    name: 'hubble_commit_to_broadcast_seconds',
    help: 'Time from an order change committing to its broadcast on the feeds',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hubble_' });
    const outbox = new Gauge({
      name: 'hubble_aurora_outbox',
      help: 'Aurora calls waiting (pending, retrying) or refused (failed, kept a day)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect: async () => {
        const depth = await this.outboxDepth?.();
        if (!depth) return;
        for (const [state, count] of Object.entries(depth)) outbox.set({ state }, count);
      },
    });
    const clients = new Gauge({
      name: 'hubble_connected_clients',
      help: 'Sockets connected to this instance, by feed (board = customers, admin = desks)',
      labelNames: ['feed'] as const,
      registers: [this.registry],
      collect: () => {
        for (const feed of ['board', 'admin'] as const) {
          clients.set({ feed }, this.clientCounts.get(feed)?.() ?? 0);
        }
      },
    });
  }

  /** Read at each scrape: the Aurora outbox depth (registered by aurora-sync). */
  measureOutbox(depth: OutboxDepth): void {
    this.outboxDepth = depth;
  }

  /** Read at each scrape: sockets connected to a feed on this instance (registered by realtime). */
  measureClients(feed: FeedName, count: () => number): void {
    this.clientCounts.set(feed, count);
  }

  webhook(outcome: WebhookOutcome): void {
    this.webhooks.inc({ outcome });
  }

  orderCreated(source: string): void {
    this.ordersCreated.inc({ source });
  }

  orderRefreshed(): void {
    this.ordersRefreshed.inc();
  }

  orderRemoved(reason: RemovedReason): void {
    this.ordersRemoved.inc({ reason });
  }

  auroraCall(action: 'add' | 'remove', outcome: AuroraCallLabel, seconds: number): void {
    this.auroraCalls.inc({ action, outcome });
    this.auroraLatency.observe({ action }, seconds);
  }

  /** `committedAt` is the `performance.now()` of the commit, in this process. */
  broadcast(committedAt: number): void {
    this.broadcastDelay.observe((performance.now() - committedAt) / 1000);
  }
}
