// The PostgreSQL databases of one test run: each Jest worker creates its own and reuses them
// across its suites (apps/api/test/support/postgres.ts); they are dropped when the run ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function setup() {
  process.env['HUBBLE_TEST_RUN'] = randomBytes(4).toString('hex');
}

export async function teardown() {
  const run = process.env['HUBBLE_TEST_RUN'];
  if (!run) return;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // no PostgreSQL, so no databases
  }
  try {
    const { rows } = await client.query('select datname from pg_database where datname like $1', [
      `hubble_test_${run}_%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.end();
  }
}
