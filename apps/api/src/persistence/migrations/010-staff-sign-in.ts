import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Staff sign-in with an OpenID provider: sessions get a public handle (to list and end them
 * from the desk) and their kind; `oidc_logins` holds each sign-in in progress until its
 * callback (one use).
 */
export function staffSignInMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('admin_sessions').addColumn('handle', 'text').execute();
      await db.schema
        .alterTable('admin_sessions')
        .addColumn('kind', 'text', (col) => col.notNull().defaultTo('token'))
        .execute();
      await sql`update admin_sessions set handle = substr(id_hash, 1, 16)`.execute(db);
      await db.schema
        .createIndex('admin_sessions_handle')
        .on('admin_sessions')
        .column('handle')
        .execute();

      await db.schema
        .createTable('oidc_logins')
        .addColumn('flow_hash', 'text', (col) => col.primaryKey())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('nonce', 'text', (col) => col.notNull())
        .addColumn('code_verifier', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute();
    },
  };
}
