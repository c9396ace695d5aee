import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config';
import { AuroraClient } from './aurora.client';
import { AuroraHealth } from './aurora.health';
import { AuroraDeliveriesService } from './aurora-deliveries.service';
import { AuroraDeliveryWorker } from './aurora-delivery.worker';
import { AuroraOutboxRepository } from './aurora-outbox.repository';
import { AuroraOutboxWriter } from './aurora-outbox.writer';
import { AuroraProblemLog } from './aurora-problem-log';

/**
 * Keeps Aurora (the poster screens) in step with the orders: a transactional outbox written with
 * each order change, a worker that delivers it with retries, and a periodic re-assert.
 */
@Module({
  imports: [
    HttpModule.registerAsync({
      inject: [AppConfig],
      useFactory: ({ aurora }: AppConfig) => ({
        baseURL: aurora?.url,
        timeout: aurora?.timeoutMs,
        headers: aurora ? { 'X-API-Key': aurora.apiKey } : {},
        maxRedirects: 0,
        // Every status is an answer; AuroraClient decides what it means.
        validateStatus: () => true,
      }),
    }),
  ],
  providers: [
    AuroraOutboxRepository,
    AuroraClient,
    AuroraOutboxWriter,
    AuroraProblemLog,
    AuroraDeliveryWorker,
    AuroraDeliveriesService,
    AuroraHealth,
  ],
  exports: [AuroraDeliveriesService],
})
export class AuroraSyncModule {}
