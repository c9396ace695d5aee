// P6: the Insights query over 30 days of a busy café, straight from a seeded store.
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { now, summarize, type Summary } from './stats.ts';

const DAY_MS = 86_400_000;

export interface SeedOrder {
  number: number;
  source: string;
  created_at: number;
  expires_at: number;
  removed_at: number;
  removed_reason: string;
  refresh_count: number;
}

/**
 * `count` orders spread over the `days` before `until`: 85 % collected after 20 s – 10 min, the
 * rest missed after the 300 s timeout, one in 20 called again. Deterministic (a fixed LCG).
 */
export function busyCafe(count: number, until: number, days: number): SeedOrder[] {
  let state = 42;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, (_, i) => {
    const created = Math.floor(until - random() * days * DAY_MS);
    const collected = random() < 0.85;
    const removed = created + (collected ? Math.floor(20_000 + random() * 580_000) : 300_000);
    return {
      number: (i % 99_999) + 1,
      source: random() < 0.8 ? 'star-community' : 'back-office',
      created_at: created,
      expires_at: created + 300_000,
      removed_at: removed,
      removed_reason: collected ? 'staff' : 'expired',
      refresh_count: random() < 0.05 ? 1 : 0,
    };
  });
}

const COLUMNS = [
  'number',
  'source',
  'created_at',
  'expires_at',
  'removed_at',
  'removed_reason',
  'refresh_count',
] as const;

/** Inserts the orders into the (migrated) store: the SQLite file or the PostgreSQL database. */
export async function seedOrders(
  store: { sqliteFile: string } | { databaseUrl: string },
  orders: readonly SeedOrder[],
): Promise<void> {
  if ('sqliteFile' in store) {
    const db = new DatabaseSync(store.sqliteFile, { timeout: 5000 });
    const insert = db.prepare(
      `insert into orders (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    db.exec('begin immediate');
    for (const order of orders) insert.run(...COLUMNS.map((column) => order[column]));
    db.exec('commit');
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < orders.length; start += 1000) {
      const batch = orders.slice(start, start + 1000);
      const placeholders = batch.map(
        (_, row) =>
          `(${COLUMNS.map((__, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
      );
      await client.query(
        `insert into orders (${COLUMNS.join(', ')}) values ${placeholders.join(', ')}`,
        batch.flatMap((order) => COLUMNS.map((column) => order[column])),
      );
    }
    await client.query('analyze orders');
  } finally {
    await client.end();
  }
}

export interface InsightsTiming {
  /** GET /api/admin/insights for the last 30 days, ms per request (HTTP included). */
  query: Summary;
  /** GET …/orders.csv for today, ms per request. */
  csv: Summary;
  /** What the API counted: every seeded order should be there. */
  called: number;
}

/** Logs in as staff and times the insights of the last 30 days, `rounds` times one after another. */
export async function measureInsights(
  url: string,
  adminToken: string,
  rounds: number,
): Promise<InsightsTiming> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ token: adminToken }),
  });
  const cookie = /hubble_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`staff login: HTTP ${login.status}`);
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const periods = (await (await get('/api/admin/insights/periods')).json()) as {
    today: string;
    periods: { id: string; from: string; to: string }[];
  };
  const last30 = periods.periods.find((period) => period.id === 'last30');
  if (!last30) throw new Error('no last30 period');
  const path = `/api/admin/insights?${new URLSearchParams({ from: last30.from, to: last30.to })}`;

  let called = 0;
  const query: number[] = [];
  const csv: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = now();
    const body = (await (await get(path)).json()) as { totals: { called: number } };
    query.push(now() - started);
    called = body.totals.called;
    const csvStarted = now();
    await (await get(`/api/admin/insights/orders.csv?date=${periods.today}`)).text();
    csv.push(now() - csvStarted);
  }
  return { query: summarize(query), csv: summarize(csv), called };
}
