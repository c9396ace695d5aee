import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Store } from './store';

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
  ],
  exports: [Store],
})
export class PersistenceModule {}
