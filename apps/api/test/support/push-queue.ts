import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { TestStore } from './stores';

/** Reads a test store's push tables directly (raw SQL), as an operator would. */
export async function queryStore(store: TestStore, text: string): Promise<number> {
  if (store.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: store.env.DATABASE_URL });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>(text);
      return Number(result.rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }
  const db = new DatabaseSync(join(store.env.DATA_DIR, 'hubble.sqlite'), { readOnly: true });
  try {
    const row = db.prepare(text).get() as { n: number } | undefined;
    return Number(row?.n ?? 0);
  } finally {
    db.close();
  }
}

/** Pushes still queued or being sent by some instance. */
export const pushesInFlight = (store: TestStore) =>
  queryStore(
    store,
    `select count(*) as n from push_deliveries where state in ('pending', 'retrying') or claimed_until is not null`,
  );

export const subscriptionCount = (store: TestStore) =>
  queryStore(store, 'select count(*) as n from push_subscriptions');
