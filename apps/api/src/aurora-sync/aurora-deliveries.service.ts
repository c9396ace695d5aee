import { Injectable } from '@nestjs/common';
import type { AuroraDeliveryDto, AuroraProblemDto } from '@hubble/contracts';
import { AppConfig } from '../config';
import { Metrics } from '../metrics';
import { type AuroraProbe, AuroraClient } from './aurora.client';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { AuroraProblemLog, refusalKind } from './aurora-problem-log';
import { toDeliveryDto } from './delivery-dto';

export interface AuroraSyncStatus {
  sync: 'on' | 'off';
  /** Calls waiting to be made, and calls Aurora refused (kept for a day). */
  outbox: { pending: number; retrying: number; failed: number };
}

/** Read side of Aurora sync, for the back-office and /health. */
@Injectable()
export class AuroraDeliveriesService {
  private lastProbe: { at: number; result: Promise<AuroraProbe> } | undefined;

  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly config: AppConfig,
    private readonly client: AuroraClient,
    private readonly problems: AuroraProblemLog,
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
   * Why Aurora does not take our calls now, or null when it does (or sync is off): the probe
   * (at most every AURORA_PROBE_CACHE_MS, 10 s by default) tells unreachable, a wrong key and a
   * switched-off feature apart; a missing grant only shows in a refused call, so a standing
   * refusal counts too.
   */
  async problem(): Promise<AuroraProblemDto | null> {
    if (!this.syncOn) return null;
    const probe = await this.probe();
    if (probe.kind === 'unreachable') return { kind: 'unreachable', detail: probe.error };
    if (probe.kind === 'refused') return { kind: refusalKind(probe.status), detail: probe.error };
    const refusal = this.problems.standingRefusal;
    if (refusal) return { kind: refusalKind(refusal.status), detail: `HTTP ${refusal.status}` };
    return null;
  }

  async status(): Promise<AuroraSyncStatus> {
    return { sync: this.syncOn ? 'on' : 'off', outbox: await this.outbox.undoneCount() };
  }

  private probe(): Promise<AuroraProbe> {
    const now = Date.now();
    if (!this.lastProbe || now - this.lastProbe.at > this.config.auroraDelivery.probeCacheMs) {
      this.lastProbe = { at: now, result: this.client.probe() };
    }
    return this.lastProbe.result;
  }
}
