import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreKind } from '../../src/persistence/database';
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
