import { Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ScreenState } from '@hubble/contracts';
import { Store } from '../persistence';

/** Migration 009: one row (id = 1); no row means nothing was ever set. */
type ScreenStateTable = {
  id: number;
  state: ScreenState;
  /** Epoch ms; strictly later for every change, on every instance. */
  since: number;
};
type ScreenStateTables = {
  screen_state: ScreenStateTable;
};

export interface StoredScreenState {
  state: ScreenState;
  since: number;
}

const ROW_ID = 1;

/** The screen state row; one query code for SQLite and PostgreSQL. */
@Injectable()
export class ScreenStateRepository {
  constructor(private readonly store: Store) {}

  private get db(): Kysely<ScreenStateTables> {
    return this.store.db.withTables<ScreenStateTables>();
  }

  async read(): Promise<StoredScreenState | undefined> {
    return this.db
      .selectFrom('screen_state')
      .select(['state', 'since'])
      .where('id', '=', ROW_ID)
      .executeTakeFirst();
  }

  /**
   * Sets the state unless it is already in force; returns the new row, or undefined for no
   * change. One statement each, so concurrent writers on PostgreSQL serialise on the row lock
   * and `since` still rises (a clock that lags the stored value gets `since + 1`).
   */
  async set(state: ScreenState, now: number): Promise<StoredScreenState | undefined> {
    const inserted = await this.db
      .insertInto('screen_state')
      .values({ id: ROW_ID, state, since: now })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning(['state', 'since'])
      .executeTakeFirst();
    if (inserted) return inserted;
    return this.db
      .updateTable('screen_state')
      .set((eb) => ({
        state,
        since: eb
          .case()
          .when('since', '>=', now)
          .then(eb('since', '+', 1))
          .else(now)
          .end(),
      }))
      .where('id', '=', ROW_ID)
      .where('state', '<>', state)
      .returning(['state', 'since'])
      .executeTakeFirst();
  }
}
