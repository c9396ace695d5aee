import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ModuleHealthRegistry } from './module-health-registry';

/** `/health`, `/health/live`, `/health/ready` over the indicators the other modules provide. */
@Module({
  imports: [TerminusModule, DiscoveryModule],
  controllers: [HealthController],
  providers: [ModuleHealthRegistry],
})
export class HealthModule {}
