import { Injectable } from '@nestjs/common';
import type { AuroraDeliveryDto } from '@hubble/contracts';
import { AppConfig } from '../config/app-config';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { toDeliveryDto } from './delivery-dto';

export interface AuroraSyncStatus {
  sync: 'on' | 'off';
  /** Calls waiting to be made, and calls Aurora refused (kept for a day). */
  outbox: { pending: number; retrying: number; failed: number };
}

/** Read side of Aurora sync, for the back-office and /health. */
@Injectable()
export class AuroraDeliveriesService {
  constructor(
    private readonly outbox: AuroraOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  get syncOn(): boolean {
    return this.config.aurora !== undefined;
  }

  /** The delivery state of every active order, newest order first. */
  async activeOrders(): Promise<AuroraDeliveryDto[]> {
    const rows = await this.outbox.activeOrderDeliveries(Date.now());
    return rows.map((row) => toDeliveryDto(row, this.syncOn));
  }

  async status(): Promise<AuroraSyncStatus> {
    return { sync: this.syncOn ? 'on' : 'off', outbox: await this.outbox.undoneCount() };
  }
}
