// The metrics module's public surface: other modules import only what is exported here.
export { MetricsModule } from './metrics.module';
export { Metrics } from './metrics.service';
export type { AuroraCallLabel, WebhookOutcome } from './metrics.service';
