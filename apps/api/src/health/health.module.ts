import { Module } from '@nestjs/common';
import { AuroraSyncModule } from '../aurora-sync/aurora-sync.module';
import { WebhookModule } from '../webhook/webhook.module';
import { HealthController } from './health.controller';

@Module({ imports: [WebhookModule, AuroraSyncModule], controllers: [HealthController] })
export class HealthModule {}
