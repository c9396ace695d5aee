import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import pg from 'pg';
import { BoardClient } from './support/board-client';
import { freePort } from './support/free-port';
import { postgresRequiredOrAvailable } from './support/postgres';
import { testChannelPrefix } from './support/redis';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

const signer = new WebhookSigner();
const keyFile = signer.writePublicKeyFile();
const postgres = await postgresRequiredOrAvailable();
const REDIS_SERVER = '/usr/bin/redis-server';
const redisServerInstalled = existsSync(REDIS_SERVER);
if (!redisServerInstalled && process.env['CI'] === 'true') {
  throw new Error(`${REDIS_SERVER} is required under CI (the Redis outage test runs its own)`);
}

const send = async (url: string, orderNumber: number) =>
  (await signer.send(url, JSON.stringify({ orderNumber }))).status;

async function readiness(url: string): Promise<{ status: number; body: ReadyBody }> {
  const response = await fetch(`${url}/health/ready`);
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

interface ReadyBody {
  status: string;
  details: Record<string, { status: string; reason?: string }>;
}

(postgres ? describe : describe.skip)('PostgreSQL faults', () => {
  let store: TestStore;
  let server: ServerProcess | undefined;
  let admin: pg.Client;
  let database: string;

  beforeEach(async () => {
    store = await createTestStore('postgres');
    const url = new URL(store.env.DATABASE_URL ?? '');
    database = url.pathname.slice(1);
    url.pathname = '/postgres';
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    server = await ServerProcess.start({ ...store.env, STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile });
  });

  afterEach(async () => {
    await admin.query(`alter database ${database} allow_connections true`);
    await admin.end();
    await server?.stop('SIGKILL');
    await store.dispose();
  });

  const terminateConnections = () =>
    admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );

  const stored = async () => {
    const client = new pg.Client({ connectionString: store.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ number: number }>('select number from orders');
    await client.end();
    return rows.map((row) => Number(row.number));
  };

  it('connections cut during a burst: never a 2xx for what was not stored, then back by itself', async () => {
    const url = server!.url;
    expect(await send(url, 1)).toBe(200);
    const acknowledged: number[] = [];
    // Several rounds: a connection cut while checked out between queries used to end the process.
    for (let round = 0; round < 4; round++) {
      const burst = Array.from({ length: 50 }, (_, index) => 100 + round * 100 + index);
      const answers = Promise.all(burst.map((number) => send(url, number)));
      await terminateConnections();
      const statuses = await answers;
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      acknowledged.push(...burst.filter((_, index) => statuses[index] === 200));
    }
    expect(await stored()).toEqual(expect.arrayContaining([1, ...acknowledged]));

    // The pool opens new connections by itself.
    await waitUntil(async () => (await send(url, 2)) === 200, 15_000, 'a webhook stored again');
    expect((await readiness(url)).status).toBe(200);
  }, 90_000);

  it('while the database refuses connections: webhooks 503 and readiness says why; then it recovers', async () => {
    const url = server!.url;
    expect(await send(url, 1)).toBe(200);
    await admin.query(`alter database ${database} allow_connections false`);
    await terminateConnections();

    expect(await send(url, 2)).toBe(503);
    // The first query may still land on a pooled connection the termination cut ("terminating
    // connection due to administrator command"); the next one finds the database refusing.
    let down = await readiness(url);
    await waitUntil(
      async () =>
        /not currently accepting connections/.test(
          (down = await readiness(url)).body.details['store']?.reason ?? '',
        ),
      10_000,
      'readiness naming the refused connections',
    );
    expect(down.status).toBe(503);
    expect(down.body.details['store']).toMatchObject({ status: 'down' });
    expect((await fetch(`${url}/health`)).status).toBe(503);
    expect(await server!.logsUpToNow()).toMatch(
      /The order store PostgreSQL database .* on .* cannot keep orders/,
    );

    await admin.query(`alter database ${database} allow_connections true`);
    await waitUntil(async () => (await readiness(url)).status === 200, 15_000, 'readiness');
    expect(await send(url, 3)).toBe(200);
    expect((await stored()).sort((a, b) => a - b)).toEqual([1, 3]);
  });
});

/** A redis-server of this test's own (the shared one must stay up for everyone else). */
class OwnRedis {
  private constructor(
    private child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(port?: number): Promise<OwnRedis> {
    const chosen = port ?? (await freePort());
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const redis = new OwnRedis(child, chosen);
    await waitUntil(() => redis.answers(), 10_000, 'redis-server to answer');
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.port });
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.end();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

(redisServerInstalled ? describe : describe.skip)('Redis down at runtime', () => {
  let store: TestStore;
  let server: ServerProcess | undefined;
  let redis: OwnRedis | undefined;
  let board: BoardClient | undefined;

  afterEach(async () => {
    board?.close();
    await server?.stop('SIGKILL');
    await redis?.kill();
    await store.dispose();
  });

  it('orders are still stored and shown by this instance; readiness says degraded, then ok', async () => {
    store = await createTestStore('sqlite');
    redis = await OwnRedis.start();
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
      REDIS_URL: redis.url,
      REDIS_CHANNEL_PREFIX: testChannelPrefix(),
    });
    board = new BoardClient(server.url);
    await board.waitFor((event) => event.name === 'snapshot');

    await redis.kill();
    await waitUntil(
      async () => (await readiness(server!.url)).body.status === 'degraded',
      15_000,
      'readiness to say degraded',
    );
    const degraded = await readiness(server.url);
    expect(degraded.status).toBe(200);
    expect(degraded.body.details['redis']).toMatchObject({ status: 'degraded' });

    expect(await send(server.url, 42)).toBe(200);
    const listed = (await (await fetch(`${server.url}/api/orders`)).json()) as { number: number }[];
    expect(listed.map((order) => order.number)).toEqual([42]);
    await board.waitFor((event) => event.name === 'order.created' && event.numbers[0] === 42);

    redis = await OwnRedis.start(redis.port);
    await waitUntil(
      async () => (await readiness(server!.url)).body.status === 'ok',
      20_000,
      'readiness to be ok again',
    );
    expect(await send(server.url, 43)).toBe(200);
  });
});
