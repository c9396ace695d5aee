import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import {
  createTestStore,
  openStoreForSuite,
  STORE_KINDS,
  type TestStore,
} from '../../test/support/stores';
import { Store } from './store';

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

describe('bookkeeping on an embedded store whose directory cannot be written', () => {
  let testStore: TestStore;
  let store: Store;
  let locked = false;

  beforeEach(async () => {
    testStore = await createTestStore('sqlite');
    store = await Store.open({ kind: 'sqlite', dataDir: testStore.env.DATA_DIR });
  });

  afterEach(async () => {
    if (locked) execFileSync('chattr', ['-i', testStore.env.DATA_DIR]);
    locked = false;
    await store.onApplicationShutdown();
    await testStore.dispose();
  });

  it('still commits (its loss costs only a repeated call), while an order write is refused unwritten', async () => {
    // Immutable directory: the store's files stay writable, but the file check reports it.
    execFileSync('chattr', ['+i', testStore.env.DATA_DIR]);
    locked = true;
    await expect(
      store.db
        .transaction()
        .execute((tx) =>
          tx.updateTable('feed_state').set({ version: 5 }).where('id', '=', 1).execute(),
        ),
    ).rejects.toThrow(/read-only/);
    await store.bookkeeping((tx) =>
      tx.updateTable('feed_state').set({ version: 6 }).where('id', '=', 1).execute(),
    );
    const { version } = await store.db
      .selectFrom('feed_state')
      .select('version')
      .executeTakeFirstOrThrow();
    expect(version).toBe(6);
  });
});
