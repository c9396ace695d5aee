// The health module's public surface: other modules import only what is exported here. Each module
// contributes its own indicator (a provider marked @HealthIndicator); this module only reports.
export { HealthModule } from './health.module';
export { HealthIndicator, type IndicatorState, type ModuleHealth } from './module-health';
