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

/**
 * Databases this worker created and got back, emptied: the next suite in the same worker reuses
 * one instead of creating a database (each Jest worker runs one suite at a time). The global
 * teardown (`jest.test-databases.mjs`) drops them all when the run ends.
 */
const spare: string[] = [];

/** The run's prefix (set by the global setup), so the teardown finds this run's databases. */
function databasePrefix(): string {
  return `hubble_test_${process.env['HUBBLE_TEST_RUN'] ?? 'local'}_`;
}

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Cuts every connection to the database and drops everything in it (a fresh, empty schema). */
async function empty(name: string): Promise<void> {
  await withAdmin((client) =>
    client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    ),
  );
  const client = new pg.Client({ connectionString: urlOf(name), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query('drop schema public cascade; create schema public');
  } finally {
    await client.end();
  }
}

/**
 * An empty database of its own for one test suite (or one instance group in it), so parallel
 * workers never collide. `drop()` empties it and keeps it for the worker's next suite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  let name = spare.pop();
  if (name === undefined) {
    name = `${databasePrefix()}${process.pid}_${randomBytes(4).toString('hex')}`;
    const created = name;
    await withAdmin((client) => client.query(`create database ${created}`));
  }
  const taken = name;
  let dropped = false;
  return {
    url: urlOf(taken),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      try {
        await empty(taken);
        spare.push(taken);
      } catch {
        await withAdmin((client) => client.query(`drop database if exists ${taken} with (force)`));
      }
    },
  };
}
