import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * `maybe_sent` (0/1): an attempt of this entry may have reached Aurora without us hearing the
 * answer (a timeout, a connection cut after sending, or an instance that died holding the claim).
 */
export function auroraMaybeSentMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('aurora_outbox')
        .addColumn('maybe_sent', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
    },
  };
}
