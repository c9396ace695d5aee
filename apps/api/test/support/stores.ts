import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreKind } from '../../src/persistence/database';
import { Store } from '../../src/persistence/store';
import { createTestDatabase, postgresRequiredOrAvailable } from './postgres';

/** A store for one suite: its environment variables, and how to throw it away. */
export interface TestStore {
  kind: StoreKind;
  env: { DATA_DIR: string; DATABASE_URL?: string };
  dispose(): Promise<void>;
}

const postgresAvailable = await postgresRequiredOrAvailable();

/** The stores every storage and orders suite runs against: both, unless PostgreSQL is absent. */
export const STORE_KINDS: StoreKind[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hubble-test-'));
  const database = kind === 'postgres' ? await createTestDatabase() : undefined;
  return {
    kind,
    env: { DATA_DIR: dataDir, ...(database && { DATABASE_URL: database.url }) },
    async dispose() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An open `Store` for the suite that calls this (opened before its tests, closed and thrown away
 * after them); read `.store` inside the tests.
 */
export function openStoreForSuite(kind: StoreKind): { readonly store: Store } {
  let testStore: TestStore | undefined;
  let opened: Store | undefined;
  beforeAll(async () => {
    testStore = await createTestStore(kind);
    opened = await Store.open({
      kind,
      databaseUrl: testStore.env.DATABASE_URL,
      dataDir: testStore.env.DATA_DIR,
    });
  });
  afterAll(async () => {
    await opened?.onApplicationShutdown();
    await testStore?.dispose();
  });
  return {
    get store(): Store {
      if (!opened) throw new Error('The store opens before the suite’s tests run');
      return opened;
    },
  };
}
