// The aurora-sync module's public surface: other modules import only what is exported here.
export { AuroraDeliveriesService } from './aurora-deliveries.service';
export type { AuroraSyncStatus } from './aurora-deliveries.service';
export { AuroraSyncModule } from './aurora-sync.module';
export { AURORA_DELIVERY_CHANGED } from './aurora-events';
