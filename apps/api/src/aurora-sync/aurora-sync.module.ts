import { Module } from '@nestjs/common';
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
