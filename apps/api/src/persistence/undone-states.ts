import { type RawBuilder, sql, type SqlBool } from 'kysely';
import { PreparedQuery } from './prepared-query';

/**
 * `<column> in ('pending', 'retrying')`: the Aurora calls and pushes still to be made. The states
 * are written into the statement, not bound: SQLite uses a partial index (`aurora_outbox_undone`,
 * `push_deliveries_undone`) only when the query's own terms prove the index's condition, which a
 * bound parameter never does. With parameters every poll scanned the whole table (a day of
 * finished entries) and the webhook's own push statement did too, inside the order's transaction.
 */
export function isUndone(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in ('pending', 'retrying')`;
}

/** Finished: delivered, dropped or failed (see {@link isUndone}). */
export function isFinished(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} not in ('pending', 'retrying')`;
}

/**
 * The read that tells a delivery worker (Aurora calls, pushes) whether anything is due: one undone
 * row whose time has come and that no one holds. Compiled once; it runs after every delivery and
 * on every poll, through the table's partial index of undone rows.
 */
export function firstDueIn(
  table: 'aurora_outbox' | 'push_deliveries',
): PreparedQuery<{ now: number }, { id: number }> {
  return new PreparedQuery<{ now: number }, { id: number }>((db, slot) =>
    db
      // Both tables have these columns; Kysely types the query by one of them.
      .selectFrom(table as 'aurora_outbox')
      .select('id')
      .where(isUndone('state'))
      .where('due_at', '<=', slot('now'))
      .where((eb) =>
        eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', slot('now'))]),
      )
      .limit(1),
  );
}
