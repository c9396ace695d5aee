import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuroraSyncModule } from '../aurora-sync/aurora-sync.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { WebhookModule } from '../webhook/webhook.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, WebhookModule, AuroraSyncModule, RealtimeModule],
  controllers: [HealthController],
})
export class HealthModule {}
