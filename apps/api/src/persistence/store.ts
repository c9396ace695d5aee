import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { StoreKind, Tables } from './database';
import { migrateToLatest } from './migrate';
import { openDatabase, type StoreLocation } from './open-database';

/** The database, migrated and ready. Created by {@link Store.open}; injected everywhere. */
@Injectable()
export class Store implements OnApplicationShutdown {
  private readonly logger = new Logger(Store.name);

  private constructor(
    readonly db: Kysely<Tables>,
    readonly kind: StoreKind,
  ) {}

  static async open(location: StoreLocation): Promise<Store> {
    const db = openDatabase(location);
    try {
      await migrateToLatest(db, location.kind);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new Store(db, location.kind);
  }

  /** True when the store answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch (error) {
      this.logger.warn(`Store ping failed: ${(error as Error).message}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}
