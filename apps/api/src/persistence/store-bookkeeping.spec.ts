import { sql } from 'kysely';
import { openStoreForSuite, STORE_KINDS } from '../../test/support/stores';
import type { Store } from './store';

/** The commit level the connection uses now, as the store itself reports it. */
async function commitLevel(db: Store['db'], kind: string): Promise<string> {
  if (kind === 'postgres') {
    const { rows } = await sql<{
      level: string;
    }>`select current_setting('synchronous_commit') as level`.execute(db);
    return rows[0].level;
  }
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return ['off', 'normal', 'full', 'extra'][rows[0].synchronous];
}

describe.each(STORE_KINDS)('bookkeeping transactions on %s', (kind) => {
  const opened = openStoreForSuite(kind);

  const relaxed = kind === 'postgres' ? 'off' : 'normal';
  const full = kind === 'postgres' ? 'on' : 'full';

  it('commit without waiting for the disk, and every other write still waits for it', async () => {
    expect(await commitLevel(opened.store.db, kind)).toBe(full);
    const inside = await opened.store.bookkeeping(async (tx) => {
      await tx.updateTable('feed_state').set({ version: 7 }).where('id', '=', 1).execute();
      return commitLevel(tx, kind);
    });
    expect(inside).toBe(relaxed);
    expect(await commitLevel(opened.store.db, kind)).toBe(full);
    await opened.store.db.transaction().execute(async (tx) => {
      expect(await commitLevel(tx, kind)).toBe(full);
    });
    const { version } = await opened.store.db
      .selectFrom('feed_state')
      .select('version')
      .executeTakeFirstOrThrow();
    expect(version).toBe(7);
  });

  it('roll back on a failure, and leave the full level in place', async () => {
    await expect(
      opened.store.bookkeeping(async (tx) => {
        await tx.updateTable('feed_state').set({ version: 99 }).where('id', '=', 1).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await commitLevel(opened.store.db, kind)).toBe(full);
    const { version } = await opened.store.db
      .selectFrom('feed_state')
      .select('version')
      .executeTakeFirstOrThrow();
    expect(version).not.toBe(99);
  });
});
