import { CompiledQuery } from 'kysely';
import type { Store } from '../../src/persistence/store';

/**
 * SQLite's query plan of every statement `run` sends through the store's own Kysely instance
 * (not through a transaction), e.g. "SEARCH aurora_outbox USING INDEX aurora_outbox_undone".
 */
export async function sqlitePlansOf(store: Store, run: () => Promise<unknown>): Promise<string[]> {
  const seen: CompiledQuery[] = [];
  const db = store.db;
  const executeQuery = db.executeQuery.bind(db);
  // Shadows the prototype's method on this instance while `run` runs.
  Object.assign(db, {
    executeQuery: (query: CompiledQuery) => {
      seen.push(query);
      return executeQuery(query);
    },
  });
  try {
    await run();
  } finally {
    delete (db as Partial<typeof db>).executeQuery;
  }
  const plans: string[] = [];
  for (const query of seen) {
    const { rows } = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    plans.push(rows.map((row) => row.detail).join(' | '));
  }
  return plans;
}
