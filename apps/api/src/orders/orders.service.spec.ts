import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { sql } from 'kysely';
import { InProcessApp } from '../../test/support/in-process-app';
import { createTestStore, STORE_KINDS, type TestStore } from '../../test/support/stores';

describe.each(STORE_KINDS)('OrdersService on %s', (kind) => {
  let store: TestStore;
  let instance: InProcessApp;

  // One app and store per kind; each test starts from an empty feed at version 0 (as a new store).
  beforeAll(async () => {
    store = await createTestStore(kind);
    instance = await InProcessApp.start({ ...store.env, ORDER_TIMEOUT_SECONDS: '300' });
  });

  afterAll(async () => {
    await instance?.close();
    await store?.dispose();
  });

  beforeEach(async () => {
    const { db } = instance.store;
    await db.deleteFrom('push_deliveries').execute();
    await db.deleteFrom('aurora_outbox').execute();
    await db.deleteFrom('orders').execute();
    await db.updateTable('feed_state').set({ version: 0 }).where('id', '=', 1).execute();
    instance.events.splice(0);
    expect(await instance.orders.snapshot()).toEqual({ version: 0, orders: [] });
  });

  it('creates an order that expires after ORDER_TIMEOUT_SECONDS and announces it', async () => {
    const before = Date.now();
    const { order, refreshed } = await instance.orders.create(42, 'star-community');

    expect(refreshed).toBe(false);
    expect(order).toMatchObject({ number: 42, source: 'star-community' });
    const createdAt = Date.parse(order.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(Date.parse(order.expiresAt) - createdAt).toBe(300_000);
    expect(instance.events.map((e) => [e.name, e.version, e.number])).toEqual([
      ['order.created', 1, 42],
    ]);
    expect(await instance.orders.listActive()).toEqual([order]);
  });

  it('refreshes an active number instead of adding a second copy', async () => {
    const first = await instance.orders.create(7, 'back-office');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await instance.orders.create(7, 'star-community');

    expect(second.refreshed).toBe(true);
    expect(second.order.createdAt).toBe(first.order.createdAt);
    expect(second.order.source).toBe('back-office');
    expect(Date.parse(second.order.expiresAt)).toBeGreaterThan(Date.parse(first.order.expiresAt));
    expect(await instance.orders.listActive()).toEqual([second.order]);
    expect(instance.events.map((e) => [e.name, e.version])).toEqual([
      ['order.created', 1],
      ['order.refreshed', 2],
    ]);
  });

  it('lists active orders newest first', async () => {
    for (const number of [3, 1, 2]) await instance.orders.create(number, 'star-community');
    expect((await instance.orders.listActive()).map((order) => order.number)).toEqual([2, 1, 3]);
  });

  it('removes an order for staff, once; a second removal is a 404', async () => {
    await instance.orders.create(5, 'back-office');
    const removed = await instance.orders.remove(5, 'staff');

    expect(removed).toMatchObject({ number: 5, removedReason: 'staff' });
    expect(await instance.orders.listActive()).toEqual([]);
    await expect(instance.orders.remove(5, 'staff')).rejects.toBeInstanceOf(NotFoundException);
    expect(instance.events.map((e) => e.name)).toEqual(['order.created', 'order.removed']);
  });

  it('recalls a removed order for a full timeout, once; 409 when active, 404 when none', async () => {
    const { order } = await instance.orders.create(11, 'star-community');
    await instance.orders.remove(11, 'staff');
    const before = Date.now();
    const recalled = await instance.orders.recall(11);

    expect(recalled.createdAt).toBe(order.createdAt);
    expect(Date.parse(recalled.expiresAt)).toBeGreaterThanOrEqual(before + 300_000);
    expect(await instance.orders.listActive()).toEqual([recalled]);
    expect(instance.events.map((e) => [e.name, e.version])).toEqual([
      ['order.created', 1],
      ['order.removed', 2],
      ['order.created', 3],
    ]);
    await expect(instance.orders.recall(11)).rejects.toBeInstanceOf(ConflictException);
    await expect(instance.orders.recall(12)).rejects.toBeInstanceOf(NotFoundException);
    await expect(instance.orders.recall('11')).rejects.toBeInstanceOf(BadRequestException);
  });

  it('prunes orders removed more than 30 days ago, and nothing else', async () => {
    for (const number of [21, 22, 23, 24]) await instance.orders.create(number, 'star-community');
    for (const number of [21, 22, 23]) await instance.orders.remove(number, 'staff');
    const longAgo = Date.now() - 31 * 24 * 3600_000;
    await instance.store.db
      .updateTable('orders')
      .set({ removed_at: longAgo })
      .where('number', 'in', [21, 22])
      .execute();

    expect(await instance.orders.pruneOldRemoved()).toBe(2);
    const left = await instance.store.db.selectFrom('orders').select('number').execute();
    expect(left.map((row) => row.number).sort()).toEqual([23, 24]);
    expect((await instance.orders.deskSnapshot()).recentlyRemoved.map((o) => o.number)).toEqual([
      23,
    ]);
  });

  it('writes nothing when a sweep finds no order due (the sweep runs every second)', async () => {
    await instance.orders.create(31, 'star-community');
    // A write to feed_state, even one undone before the commit, shows here.
    const writes = async () =>
      kind === 'sqlite'
        ? String(
            (await sql<{ n: number }>`select total_changes() as n`.execute(instance.store.db))
              .rows[0].n,
          )
        : (
            await sql<{ x: string }>`select xmin::text as x from feed_state where id = 1`.execute(
              instance.store.db,
            )
          ).rows[0].x;
    const before = await writes();

    for (let i = 0; i < 3; i++) expect(await instance.orders.expireDue()).toBe(0);

    expect(await writes()).toBe(before);
    expect((await instance.orders.listActive()).map((o) => o.number)).toEqual([31]);
  });

  it('creates a fresh order when a removed number comes back', async () => {
    await instance.orders.create(9, 'star-community');
    await instance.orders.remove(9, 'staff');
    const again = await instance.orders.create(9, 'star-community');

    expect(again.refreshed).toBe(false);
    expect(instance.events.map((e) => [e.name, e.version])).toEqual([
      ['order.created', 1],
      ['order.removed', 2],
      ['order.created', 3],
    ]);
  });

  it.each([
    ['0', 0],
    ['100000', 100000],
    ['12.5', 12.5],
    ['"12a"', '12a'],
    ['""', ''],
    ['null', null],
    ['"42" (a string)', '42'],
    ['a 1 MB string', 'x'.repeat(1024 * 1024)],
  ])('refuses order number %s and changes nothing', async (_label, bad) => {
    await instance.orders.create(1, 'star-community');
    const eventsBefore = instance.events.length;

    await expect(instance.orders.create(bad, 'star-community')).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(instance.orders.remove(bad, 'staff')).rejects.toBeInstanceOf(BadRequestException);
    expect(instance.events).toHaveLength(eventsBefore);
    expect((await instance.orders.listActive()).map((order) => order.number)).toEqual([1]);
  });

  it('keeps one active row per number under concurrent arrivals', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => instance.orders.create(77, 'star-community')),
    );

    expect(results.filter((result) => !result.refreshed)).toHaveLength(1);
    expect(await instance.orders.listActive()).toHaveLength(1);
    const versions = instance.events.map((event) => event.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('keeps the feed version at the last change when writes of one batch make none or two', async () => {
    await instance.orders.create(30, 'star-community');
    // Past its time but not swept: its next arrival removes it and creates it anew (2 changes).
    await instance.store.db
      .updateTable('orders')
      .set({ expires_at: Date.now() - 1000 })
      .where('number', '=', 30)
      .execute();

    const outcomes = await Promise.allSettled([
      instance.orders.remove(31, 'staff'), // nothing to remove: no change
      instance.orders.create(30, 'star-community'),
      instance.orders.create(32, 'star-community'),
      instance.orders.remove(33, 'staff'),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'rejected',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    const versions = instance.events.map((event) => event.version);
    expect(versions).toEqual([1, 2, 3, 4]);
    expect((await instance.orders.snapshot()).version).toBe(4);
    await instance.orders.create(34, 'star-community');
    expect(instance.events.at(-1)?.version).toBe(5);
  });

  it('gives a snapshot whose version matches the last announced change', async () => {
    await instance.orders.create(11, 'star-community');
    await instance.orders.create(12, 'star-community');
    await instance.orders.remove(11, 'staff');

    const snapshot = await instance.orders.snapshot();
    expect(snapshot.version).toBe(3);
    expect(snapshot.orders.map((order) => order.number)).toEqual([12]);
  });
});
