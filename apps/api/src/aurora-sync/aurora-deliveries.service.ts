import { Injectable } from '@nestjs/common';
import type { AuroraDeliveryDto } from '@hubble/contracts';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { AuroraClient } from './aurora.client';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { toDeliveryDto } from './delivery-dto';

export interface AuroraSyncStatus {
  sync: 'on' | 'off';
  /** Calls waiting to be made, and calls Aurora refused (kept for a day). */
  outbox: { pending: number; retrying: number; failed: number };
}

/** Read side of Aurora sync, for the back-office and /health. */
const PROBE_CACHE_MS = 10_000;

@Injectable()
export class AuroraDeliveriesService {
  private lastProbe: { at: number; result: Promise<string | undefined> } | undefined;

  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly config: AppConfig,
    private readonly client: AuroraClient,
    metrics: Metrics,
  ) {
    metrics.measureOutbox(() => this.outbox.undoneCount());
  }

  get syncOn(): boolean {
    return this.config.aurora !== undefined;
  }

  /** The delivery state of every active order, newest order first. */
  async activeOrders(): Promise<AuroraDeliveryDto[]> {
    const rows = await this.outbox.activeOrderDeliveries(Date.now());
    return rows.map((row) => toDeliveryDto(row, this.syncOn));
  }

  /**
   * Whether Aurora answers (off counts as fine), probed at most every 10 s: `undefined` when
   * reachable or off, else why not.
   */
  async unreachableBecause(): Promise<string | undefined> {
    if (!this.syncOn) return undefined;
    const now = Date.now();
    if (!this.lastProbe || now - this.lastProbe.at > PROBE_CACHE_MS) {
      this.lastProbe = { at: now, result: this.client.probe() };
    }
    return this.lastProbe.result;
  }

  async status(): Promise<AuroraSyncStatus> {
    return { sync: this.syncOn ? 'on' : 'off', outbox: await this.outbox.undoneCount() };
  }
}
