import { sql } from 'kysely';
import { InProcessApp } from '../../test/support/in-process-app';
import { ServerProcess } from '../../test/support/server-process';
import { createTestStore, STORE_KINDS, type TestStore } from '../../test/support/stores';
import { WebhookSigner } from '../../test/support/webhook-signer';
import { migrationProvider } from './migrations';
import { Store } from './store';

const MIGRATION_NAMES = Object.keys(await migrationProvider('sqlite').getMigrations());

describe.each(STORE_KINDS)('store on %s', (kind) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await createTestStore(kind);
  });

  afterEach(async () => {
    await store.dispose();
  });

  const location = () => ({
    kind,
    databaseUrl: store.env.DATABASE_URL,
    dataDir: store.env.DATA_DIR,
  });

  it('migrates a fresh database, and again as a no-op', async () => {
    const opened = [await Store.open(location()), await Store.open(location())];
    try {
      const migrations = await sql<{ name: string }>`select name from kysely_migration`.execute(
        opened[0].db,
      );
      expect(migrations.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
      const state = await opened[1].db.selectFrom('feed_state').selectAll().execute();
      expect(state).toEqual([{ id: 1, version: 0 }]);
    } finally {
      await Promise.all(opened.map((open) => open.onApplicationShutdown()));
    }

    const reopened = await Store.open(location());
    expect(await reopened.ping()).toBe(true);
    await reopened.onApplicationShutdown();
  });

  it('keeps orders across a reopen', async () => {
    const first = await InProcessApp.start(store.env);
    await first.orders.create(321, 'back-office');
    await first.close();

    const second = await InProcessApp.start(store.env);
    expect((await second.orders.listActive()).map((order) => order.number)).toEqual([321]);
    await second.close();
  });
});

describe('several server processes on one store', () => {
  const signer = new WebhookSigner();
  const keyFile = signer.writePublicKeyFile();
  let store: TestStore;
  let servers: ServerProcess[] = [];

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    servers = [];
    await store.dispose();
  });

  const startMany = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        ServerProcess.start({ ...store.env, STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile }),
      ),
    );

  it.each(STORE_KINDS)(
    'three instances started at once on one fresh %s store all come up',
    async (kind) => {
      store = await createTestStore(kind);
      servers = await startMany(3);
      const health = await Promise.all(servers.map((s) => fetch(`${s.url}/health`)));
      expect(health.map((response) => response.status)).toEqual([200, 200, 200]);
      const check = await Store.open({
        kind,
        dataDir: store.env.DATA_DIR,
        databaseUrl: store.env.DATABASE_URL,
      });
      const migrations = await sql<{ name: string }>`select name from kysely_migration`.execute(
        check.db,
      );
      expect(migrations.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
      await check.onApplicationShutdown();
    },
  );

  it('two processes writing one SQLite file at once keep it whole and lose nothing', async () => {
    store = await createTestStore('sqlite');
    servers = await startMany(2);
    const numbers = Array.from({ length: 200 }, (_, index) => index + 1);

    await Promise.all(numbers.map((number) => signer.sendOrder(servers[number % 2].url, number)));

    const listed = (await (await fetch(`${servers[0].url}/api/orders`)).json()) as {
      number: number;
    }[];
    expect(listed.map((order) => order.number).sort((a, b) => a - b)).toEqual(numbers);

    const check = await Store.open({ kind: 'sqlite', dataDir: store.env.DATA_DIR });
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
      check.db,
    );
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    const { version } = await check.db
      .selectFrom('feed_state')
      .select('version')
      .executeTakeFirstOrThrow();
    expect(version).toBe(numbers.length);
    await check.onApplicationShutdown();
  });
});
