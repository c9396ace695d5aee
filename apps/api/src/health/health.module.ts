import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuroraSyncModule } from '../aurora-sync';
import { RealtimeModule } from '../realtime';
import { WebhookModule } from '../webhook';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, WebhookModule, AuroraSyncModule, RealtimeModule],
  controllers: [HealthController],
})
export class HealthModule {}
