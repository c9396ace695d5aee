import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AuroraDeliveriesService,
  type AuroraSyncStatus,
} from '../aurora-sync/aurora-deliveries.service';
import { Store } from '../persistence/store';
import { WebhookKeyService } from '../webhook/webhook-key.service';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  store: { kind: 'sqlite' | 'postgres'; status: 'up' | 'down' };
  /** Whether a Star Community public key is held; without one, webhooks get 503. */
  webhookKey: 'held' | 'missing';
  /** Whether Aurora sync is on, and its outbox depth (absent when the store is down). */
  aurora: AuroraSyncStatus | { sync: 'on' | 'off' };
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly store: Store,
    private readonly webhookKey: WebhookKeyService,
    private readonly aurora: AuroraDeliveriesService,
  ) {}

  /** 200 when the store answers, 503 otherwise. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const up = await this.store.ping();
    response.status(up ? 200 : 503);
    return {
      status: up ? 'ok' : 'unavailable',
      store: { kind: this.store.kind, status: up ? 'up' : 'down' },
      webhookKey: this.webhookKey.current() ? 'held' : 'missing',
      aurora: up ? await this.aurora.status() : { sync: this.aurora.syncOn ? 'on' : 'off' },
    };
  }
}
