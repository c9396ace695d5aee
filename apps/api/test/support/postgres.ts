import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether the PostgreSQL suites run. Under CI they are mandatory: an unreachable server fails the
 * run instead of skipping. Locally, a missing server skips them with a warning.
 */
export async function postgresRequiredOrAvailable(): Promise<boolean> {
  try {
    await withAdmin((client) => client.query('select 1'));
    return true;
  } catch (error) {
    if (process.env['CI'] === 'true') {
      throw new Error(`PostgreSQL is required under CI but unreachable at ${ADMIN_URL}`, {
        cause: error,
      });
    }
    console.warn(`PostgreSQL unreachable (${(error as Error).message}); its suites are skipped`);
    return false;
  }
}

/** A fresh database of its own for one test suite, so parallel runs never collide. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hubble_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
