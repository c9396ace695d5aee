import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { EventsModule } from '../events';
import { AdminModule } from '../admin';
import { AppConfig } from '../config';
import { AuroraSyncModule } from '../aurora-sync';
import { BrandingModule } from '../branding';
import { ConfigModule } from '../config';
import { ExpiryModule } from '../expiry';
import { HealthModule } from '../health';
import { InsightsModule } from '../insights';
import { LoggingModule } from '../logging';
import { MetricsModule } from '../metrics';
import { OrdersModule } from '../orders';
import { PersistenceModule } from '../persistence';
import { PushModule } from '../push';
import { RealtimeModule } from '../realtime';
import { ScreenStateModule } from '../screen-state';
import { WebhookModule } from '../webhook';
import { WebModule } from '../web';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        EventEmitterModule.forRoot(),
        EventsModule,
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
