import type { Migration, MigrationProvider } from 'kysely/migration';
import type { StoreKind } from '../database';
import { ordersMigration } from './001-orders';
import { auroraOutboxMigration } from './002-aurora-outbox';
import { adminMigration } from './003-admin';
import { auroraMaybeSentMigration } from './004-aurora-maybe-sent';
import { pushMigration } from './008-push';
import { screenStateMigration } from './009-screen-state';
import { staffSignInMigration } from './010-staff-sign-in';
import { insightsMigration } from './011-insights';

/** Every migration, in order. Names are permanent: never rename or reorder a shipped one. */
export function migrationProvider(kind: StoreKind): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-orders': ordersMigration(kind),
        '002-aurora-outbox': auroraOutboxMigration(kind),
        '003-admin': adminMigration(kind),
        '004-aurora-maybe-sent': auroraMaybeSentMigration(),
        '008-push': pushMigration(kind),
        '009-screen-state': screenStateMigration(),
        '010-staff-sign-in': staffSignInMigration(),
        '011-insights': insightsMigration(),
      };
    },
  };
}
