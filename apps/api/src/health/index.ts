// The health module's public surface: other modules import only what is exported here.
export { HealthModule } from './health.module';
