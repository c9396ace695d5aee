import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig } from '../config';
import { Store } from './store';
import { StoreHealth } from './store.health';
import { StoreUnavailableFilter } from './store-unavailable.filter';

/** Opens and migrates the store before anything that needs it is created. */
@Global()
@Module({
  providers: [
    {
      provide: Store,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        Store.open({
          kind: config.storeKind,
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
        }),
    },
    { provide: APP_FILTER, useClass: StoreUnavailableFilter },
    StoreHealth,
  ],
  exports: [Store],
})
export class PersistenceModule {}
