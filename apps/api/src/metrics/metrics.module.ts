import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';
import { OrderMetricsListener } from './order-metrics.listener';

/** Prometheus metrics: one registry per app, recorded by every module through {@link Metrics}. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, OrderMetricsListener],
  exports: [Metrics],
})
export class MetricsModule {}
