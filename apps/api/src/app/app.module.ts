import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { AdminModule } from '../admin/admin.module';
import { AppConfig } from '../config/app-config';
import { AuroraSyncModule } from '../aurora-sync/aurora-sync.module';
import { BrandingModule } from '../branding';
import { ConfigModule } from '../config/config.module';
import { ExpiryModule } from '../expiry/expiry.module';
import { HealthModule } from '../health/health.module';
import { InsightsModule } from '../insights';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OrdersModule } from '../orders/orders.module';
import { PersistenceModule } from '../persistence/persistence.module';
import { PushModule } from '../push';
import { RealtimeModule } from '../realtime/realtime.module';
import { ScreenStateModule } from '../screen-state';
import { WebhookModule } from '../webhook/webhook.module';
import { WebModule } from '../web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        EventEmitterModule.forRoot(),
        MetricsModule,
        ScheduleModule.forRoot(),
        PersistenceModule,
        OrdersModule,
        ExpiryModule,
        AuroraSyncModule,
        RealtimeModule,
        PushModule,
        WebhookModule,
        ScreenStateModule,
        BrandingModule,
        AdminModule,
        InsightsModule,
        HealthModule,
        WebModule.forRoot(config.webRoot),
      ],
    };
  }
}
