// The realtime module's public surface: other modules import only what is exported here.
export { FanoutIoAdapter } from './fanout-io.adapter';
export { limitIncomingRate, OutputBudget } from './output-budget';
export { RealtimeModule } from './realtime.module';
export { RedisFanout } from './redis-fanout';
export { SnapshotPacer } from './snapshot-pacer';
