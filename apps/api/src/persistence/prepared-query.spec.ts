import { sql } from 'kysely';
import { openStoreForSuite, STORE_KINDS } from '../../test/support/stores';
import { PreparedQuery } from './prepared-query';

describe.each(STORE_KINDS)('a query compiled once on %s', (kind) => {
  const opened = openStoreForSuite(kind);

  const insert = new PreparedQuery<
    { number: number; at: number },
    { id: number; number: number; source: string; created_at: number; expires_at: number }
  >((db, slot) =>
    db
      .insertInto('orders')
      .values({
        number: slot('number'),
        source: 'back-office',
        created_at: slot('at'),
        // The same slot twice, once inside a sql template.
        expires_at: sql<number>`cast(${slot('at')} as bigint) + 1000`,
      })
      .returning(['id', 'number', 'source', 'created_at', 'expires_at']),
  );
  const find = new PreparedQuery<{ number: number }, { number: number; created_at: number }>(
    (db, slot) =>
      db
        .selectFrom('orders')
        .select(['number', 'created_at'])
        .where('number', '=', slot('number'))
        .where('removed_at', 'is', null),
  );

  it('runs with each call’s values in its slots, and keeps its constants', async () => {
    const first = await insert.takeFirstOrThrow(opened.store.db, { number: 41, at: 5000 });
    const second = await insert.takeFirstOrThrow(opened.store.db, { number: 42, at: 7000 });
    expect([first, second].map(({ id: _id, ...row }) => ({ ...row }))).toEqual([
      { number: 41, source: 'back-office', created_at: 5000, expires_at: 6000 },
      { number: 42, source: 'back-office', created_at: 7000, expires_at: 8000 },
    ]);
    expect((await find.execute(opened.store.db, { number: 42 })).rows).toEqual([
      { number: 42, created_at: 7000 },
    ]);
    expect((await find.execute(opened.store.db, { number: 41 })).rows).toEqual([
      { number: 41, created_at: 5000 },
    ]);
  });

  it('runs inside a transaction and rolls back with it', async () => {
    await expect(
      opened.store.db.transaction().execute(async (tx) => {
        await insert.execute(tx, { number: 43, at: 1 });
        expect((await find.execute(tx, { number: 43 })).rows).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await find.execute(opened.store.db, { number: 43 })).rows).toEqual([]);
  });

  it('says which statement found no row when one was required', async () => {
    const missing = new PreparedQuery<{ number: number }, { number: number }>((db, slot) =>
      db.selectFrom('orders').select('number').where('number', '=', slot('number')),
    );
    await expect(missing.takeFirstOrThrow(opened.store.db, { number: 999 })).rejects.toThrow(
      /No row from: select "number" from "orders"/,
    );
  });
});
