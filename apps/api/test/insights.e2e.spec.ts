import { sql } from 'kysely';
import type {
  InsightsDto,
  InsightsPeriodsDto,
  OrderSource,
  RemovedReason,
} from '@hubble/contracts';
import { Store } from '../src/persistence/store';
import { ServerProcess } from './support/server-process';
import { StaffClient } from './support/staff-client';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';

const TOKEN = 'kitchen-token-for-tests-0123456789';

interface SeedOrder {
  number: number;
  called: string;
  source: OrderSource;
  /** Seconds from call to removal; omitted while still on the board. */
  after?: number;
  reason?: RemovedReason;
  refreshes?: number;
}

const star: OrderSource = 'star-community';
const desk: OrderSource = 'back-office';

/**
 * A history around both 2026 DST changes in Europe/Amsterdam (29 March: 02:00 → 03:00; 25 October:
 * 03:00 → 02:00, so 02:00–03:00 happens twice). Café times are in the comments.
 */
const HISTORY: SeedOrder[] = [
  // Autumn weekend. Range Sat 24 Oct 00:00 (+02:00) … Mon 26 Oct 00:00 (+01:00), 49 hours.
  { number: 101, called: '2026-10-23T21:59:59Z', source: star, after: 45, reason: 'staff' }, // Fri 23:59:59
  { number: 102, called: '2026-10-23T22:00:00Z', source: star, after: 30, reason: 'staff' }, // Sat 00:00
  {
    number: 103,
    called: '2026-10-24T10:15:00Z',
    source: star,
    after: 60,
    reason: 'staff',
    refreshes: 1,
  }, // Sat 12:15
  { number: 104, called: '2026-10-24T10:45:00Z', source: desk, after: 90, reason: 'staff' }, // Sat 12:45
  { number: 105, called: '2026-10-24T11:00:00Z', source: star, after: 300, reason: 'expired' }, // Sat 13:00
  {
    number: 106,
    called: '2026-10-24T23:00:00Z',
    source: star,
    after: 120,
    reason: 'staff',
    refreshes: 2,
  }, // Sun 01:00 +02
  { number: 107, called: '2026-10-25T00:30:00Z', source: desk, after: 600, reason: 'staff' }, // Sun 02:30 +02
  { number: 108, called: '2026-10-25T01:00:00Z', source: star, after: 300, reason: 'expired' }, // Sun 02:00 +01
  { number: 109, called: '2026-10-25T01:30:00Z', source: star }, // Sun 02:30 +01, still on the board
  { number: 110, called: '2026-10-25T22:59:59Z', source: desk, after: 300, reason: 'expired' }, // Sun 23:59:59
  { number: 111, called: '2026-10-25T23:00:00Z', source: star, after: 10, reason: 'staff' }, // Mon 00:00
  // Spring: Sunday 29 March has 23 hours and no 02:00–03:00.
  { number: 201, called: '2026-03-28T22:59:59Z', source: star, after: 5, reason: 'staff' }, // Sat 23:59:59 +01
  { number: 202, called: '2026-03-28T23:00:00Z', source: star, after: 10, reason: 'staff' }, // Sun 00:00 +01
  { number: 203, called: '2026-03-29T00:59:59Z', source: desk, after: 20, reason: 'staff' }, // Sun 01:59:59 +01
  { number: 204, called: '2026-03-29T01:00:00Z', source: star, after: 30, reason: 'staff' }, // Sun 03:00 +02
  { number: 205, called: '2026-03-29T21:59:59Z', source: star, after: 40, reason: 'staff' }, // Sun 23:59:59 +02
  { number: 206, called: '2026-03-29T22:00:00Z', source: desk, after: 300, reason: 'expired' }, // Mon 00:00 +02
];

async function seed(store: TestStore, orders: SeedOrder[]): Promise<void> {
  const opened = await Store.open({
    kind: store.kind,
    dataDir: store.env.DATA_DIR,
    databaseUrl: store.env.DATABASE_URL,
  });
  try {
    await opened.db
      .insertInto('orders')
      .values(
        orders.map((order) => {
          const calledAt = Date.parse(order.called);
          const removedAt = order.after === undefined ? null : calledAt + order.after * 1000;
          return {
            number: order.number,
            source: order.source,
            created_at: calledAt,
            // The one still on the board stays there for the test (no expiry sweep takes it).
            expires_at: removedAt === null ? Date.now() + 86400_000 : calledAt + 300_000,
            removed_at: removedAt,
            removed_reason: order.reason ?? null,
            refresh_count: order.refreshes ?? 0,
          };
        }),
      )
      .execute();
  } finally {
    await opened.onApplicationShutdown();
  }
}

const zeroHoursBut = (hours: Record<number, number>) =>
  Array.from({ length: 24 }, (_, hour) => hours[hour] ?? 0);

describe.each(STORE_KINDS)('insights on %s', (kind) => {
  let store: TestStore;
  let server: ServerProcess;
  let staff: StaffClient;

  const insights = async (from: string, to: string) => {
    const response = await staff.request(
      'GET',
      `/api/admin/insights?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(response.status).toBe(200);
    return (await response.json()) as InsightsDto;
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    await seed(store, HISTORY);
    // Kept long enough that the seeded 2026 history is not pruned at start.
    server = await ServerProcess.start({
      ...store.env,
      ADMIN_TOKEN: TOKEN,
      ORDER_RETENTION_DAYS: '3650',
    });
    staff = new StaffClient(server.url);
    expect((await staff.login(TOKEN)).status).toBe(200);
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  it('counts the autumn weekend: outcomes, shares, collection times, sources', async () => {
    const body = await insights('2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00');

    expect(body).toMatchObject({
      from: '2026-10-23T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      retentionDays: 3650,
    });
    expect(body.totals).toEqual({
      called: 9,
      collected: 5,
      missed: 3,
      active: 1,
      refreshes: 3,
      refreshedOrders: 2,
      missedShare: 3 / 8,
    });
    // Collected after 30, 60, 90, 120 and 600 s: median 90; p90 at rank 3.6 = 120 + 0.6 × 480.
    expect(body.collection).toEqual({ medianSeconds: 90, p90Seconds: 408 });
    expect(body.bySource).toEqual({
      'star-community': {
        called: 6,
        collected: 3,
        missed: 2,
        active: 1,
        refreshes: 3,
        refreshedOrders: 2,
      },
      'back-office': {
        called: 3,
        collected: 2,
        missed: 1,
        active: 0,
        refreshes: 0,
        refreshedOrders: 0,
      },
    });
  });

  it('buckets café hours across the autumn change: 02:00–03:00 counts twice', async () => {
    const body = await insights('2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00');

    expect(body.perHour).toEqual(zeroHoursBut({ 0: 1, 1: 1, 2: 3, 12: 2, 13: 1, 23: 1 }));
    expect(body.perWeekday).toEqual([0, 0, 0, 0, 0, 4, 5]); // Monday first: Sat 4, Sun 5
    expect(body.perDay).toEqual([
      { date: '2026-10-24', called: 4 },
      { date: '2026-10-25', called: 5 },
    ]);
  });

  it('buckets the spring day of 23 hours: no 02:00, midnight to midnight exactly', async () => {
    const day = await insights('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(day.perHour).toEqual(zeroHoursBut({ 0: 1, 1: 1, 3: 1, 23: 1 }));
    expect(day.perDay).toEqual([{ date: '2026-03-29', called: 4 }]);
    expect(day.perWeekday).toEqual([0, 0, 0, 0, 0, 0, 4]);
    // 10, 20, 30, 40 s: the median lies between the middle two; p90 at rank 2.7.
    expect(day.collection).toEqual({ medianSeconds: 25, p90Seconds: 37 });
    expect(day.totals).toMatchObject({ called: 4, collected: 4, missed: 0, missedShare: 0 });

    const days = await insights('2026-03-28T00:00:00+01:00', '2026-03-31T00:00:00+02:00');
    expect(days.perDay).toEqual([
      { date: '2026-03-28', called: 1 },
      { date: '2026-03-29', called: 4 },
      { date: '2026-03-30', called: 1 },
    ]);
    expect(days.perWeekday).toEqual([1, 0, 0, 0, 0, 1, 4]);
    expect(days.perHour).toEqual(zeroHoursBut({ 0: 2, 1: 1, 3: 1, 23: 2 }));
  });

  it('answers an empty range with zeros and no collection times', async () => {
    const body = await insights('2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00');
    expect(body.totals).toEqual({
      called: 0,
      collected: 0,
      missed: 0,
      active: 0,
      refreshes: 0,
      refreshedOrders: 0,
      missedShare: null,
    });
    expect(body.collection).toEqual({ medianSeconds: null, p90Seconds: null });
    expect(body.perHour).toEqual(zeroHoursBut({}));
    expect(body.perDay).toEqual([{ date: '2026-06-01', called: 0 }]);
  });

  it('counts calls again made through the API', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) {
      expect((await staff.request('POST', '/api/orders', { orderNumber: 4242 })).status).toBe(201);
    }
    const to = new Date(Date.now() + 60_000).toISOString();
    const body = await insights(from, to);
    expect(body.totals).toMatchObject({ called: 1, active: 1, refreshes: 2, refreshedOrders: 1 });
    expect(body.bySource['back-office']).toMatchObject({ called: 1, refreshes: 2 });
    expect((await staff.request('DELETE', '/api/orders/4242')).status).toBe(200);
    expect((await insights(from, to)).totals).toMatchObject({ collected: 1, active: 0 });
  });

  it('exports a café day as CSV, in call order, with café times', async () => {
    const response = await staff.request('GET', '/api/admin/insights/orders.csv?date=2026-10-25');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="hubble-orders-2026-10-25.csv"',
    );
    expect((await response.text()).split('\r\n')).toEqual([
      'number,source,called,removed,reason',
      '106,star-community,2026-10-25T01:00:00+02:00,2026-10-25T01:02:00+02:00,staff',
      '107,back-office,2026-10-25T02:30:00+02:00,2026-10-25T02:40:00+02:00,staff',
      '108,star-community,2026-10-25T02:00:00+01:00,2026-10-25T02:05:00+01:00,expired',
      '109,star-community,2026-10-25T02:30:00+01:00,,',
      '110,back-office,2026-10-25T23:59:59+01:00,2026-10-26T00:04:59+01:00,expired',
      '',
    ]);

    const empty = await staff.request('GET', '/api/admin/insights/orders.csv?date=2026-06-01');
    expect(await empty.text()).toBe('number,source,called,removed,reason\r\n');
  });

  it('offers today, the last 7 and the last 30 café days', async () => {
    const response = await staff.request('GET', '/api/admin/insights/periods');
    expect(response.status).toBe(200);
    const body = (await response.json()) as InsightsPeriodsDto;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    expect(body).toMatchObject({ timeZone: 'Europe/Amsterdam', today, retentionDays: 3650 });
    expect(body.periods.map((period) => [period.id, period.lastDay])).toEqual([
      ['today', today],
      ['last7', today],
      ['last30', today],
    ]);
    for (const period of body.periods) {
      const hours = (Date.parse(period.to) - Date.parse(period.from)) / 3600_000;
      const days = { today: 1, last7: 7, last30: 30 }[period.id];
      expect(Math.abs(hours - days * 24)).toBeLessThanOrEqual(1);
      // Each period starts at café midnight.
      const start = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(period.from));
      expect(start).toBe('00:00');
      expect(Date.parse(period.from)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(period.to)).toBeGreaterThan(Date.now());
    }
  });

  it.each([
    ['', 'from" is required'],
    ['from=2026-10-24T00:00:00Z', '"to" is required'],
    ['from=last%20week&to=2026-10-25T00:00:00Z', '"from" must be an ISO 8601 time with a zone'],
    ['from=2026-10-24&to=2026-10-25', '"from" must be an ISO 8601 time with a zone'],
    ['from=2026-10-25T00:00:00Z&to=2026-10-24T00:00:00Z', '"from" must be before "to"'],
    ['from=2026-10-25T00:00:00Z&to=2026-10-25T00:00:00Z', '"from" must be before "to"'],
    [
      'from=2026-10-24T00:00:00Z&from=2026-10-23T00:00:00Z&to=2026-10-25T00:00:00Z',
      '"from" must be an ISO 8601 time',
    ],
    [
      'from=2016-01-01T00:00:00Z&to=2026-10-25T00:00:00Z',
      'The range may cover at most 3650 days: orders are kept 3650 days',
    ],
  ])('refuses a bad range (%s) with 400', async (query, message) => {
    const response = await staff.request('GET', `/api/admin/insights?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { statusCode: number; message: string; error: string };
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.message).toContain(message);
  });

  it('refuses a bad CSV date with 400', async () => {
    for (const query of ['', 'date=2026-02-30', 'date=25-10-2026', 'date=2026-10-25T00:00:00Z']) {
      const response = await staff.request('GET', `/api/admin/insights/orders.csv?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(
        '"date" must be a calendar day like 2026-03-29 (YYYY-MM-DD)',
      );
    }
  });

  it('answers 401 without a staff session', async () => {
    const stranger = new StaffClient(server.url);
    for (const path of [
      '/api/admin/insights?from=2026-10-24T00:00:00Z&to=2026-10-25T00:00:00Z',
      '/api/admin/insights/periods',
      '/api/admin/insights/orders.csv?date=2026-10-25',
    ]) {
      const response = await stranger.request('GET', path);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401 });
    }
  });

  if (kind === 'postgres') {
    it("agrees with PostgreSQL's own percentile_cont", async () => {
      const opened = await Store.open({
        kind,
        dataDir: store.env.DATA_DIR,
        databaseUrl: store.env.DATABASE_URL,
      });
      try {
        const { rows } = await sql<{ median: number; p90: number }>`
          select percentile_cont(0.5) within group (order by removed_at - created_at) as median,
                 percentile_cont(0.9) within group (order by removed_at - created_at) as p90
          from orders where removed_reason = 'staff'
            and created_at >= ${Date.parse('2026-10-23T22:00:00Z')}
            and created_at < ${Date.parse('2026-10-25T23:00:00Z')}`.execute(opened.db);
        const body = await insights('2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00');
        expect(body.collection).toEqual({
          medianSeconds: Math.round(Number(rows[0].median)) / 1000,
          p90Seconds: Math.round(Number(rows[0].p90)) / 1000,
        });
      } finally {
        await opened.onApplicationShutdown();
      }
    });
  }
});

describe('insights with the default retention (30 days)', () => {
  let store: TestStore;
  let server: ServerProcess;
  let staff: StaffClient;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await ServerProcess.start({ ...store.env, ADMIN_TOKEN: TOKEN });
    staff = new StaffClient(server.url);
    expect((await staff.login(TOKEN)).status).toBe(200);
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  it('accepts 30 café days across the autumn change and refuses anything longer', async () => {
    const ok = await staff.request(
      'GET',
      '/api/admin/insights?from=2026-09-26T00:00:00%2B02:00&to=2026-10-26T00:00:00%2B01:00',
    );
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as InsightsDto).perDay).toHaveLength(30);

    const tooLong = await staff.request(
      'GET',
      '/api/admin/insights?from=2026-09-25T00:00:00%2B02:00&to=2026-10-26T00:00:00%2B01:00',
    );
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toBe(
      'The range may cover at most 30 days: orders are kept 30 days',
    );
  });

  it('offers all three periods and says how long orders are kept', async () => {
    const body = (await (
      await staff.request('GET', '/api/admin/insights/periods')
    ).json()) as InsightsPeriodsDto;
    expect(body.retentionDays).toBe(30);
    expect(body.periods.map((period) => period.id)).toEqual(['today', 'last7', 'last30']);
  });
});
