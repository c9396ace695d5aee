import { AuroraStandIn } from '../../../tools/aurora-stand-in/aurora-stand-in';
import { BoardClient } from './support/board-client';
import { redisRequiredOrAvailable, TEST_REDIS_URL, testChannelPrefix } from './support/redis';
import { runServerToExit, ServerProcess } from './support/server-process';
import { StaffClient } from './support/staff-client';
import { createTestStore, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

const METRICS_TOKEN = 'metrics-token-for-the-tests';
const ADMIN_TOKEN = 'operations-admin-token-0123456';
const AURORA_KEY = 'operations-aurora-key';
const redisUp = await redisRequiredOrAvailable();

/** The value of one sample in Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
    const matches = Object.entries(labels).every(([key, value]) =>
      labelText.split(',').includes(`${key}="${value}"`),
    );
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('operations: metrics, logs, health', () => {
  const signer = new WebhookSigner();
  let store: TestStore;
  let standIn: AuroraStandIn;
  let server: ServerProcess;

  const scrape = async (token = METRICS_TOKEN) =>
    fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    standIn = await AuroraStandIn.start({ apiKey: AURORA_KEY });
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
      ADMIN_TOKEN,
      METRICS_TOKEN,
      ORDER_TIMEOUT_SECONDS: '2',
      AURORA_URL: standIn.url,
      AURORA_API_KEY: AURORA_KEY,
      AURORA_REASSERT_SECONDS: '3600',
      // Readiness probes Aurora afresh after 0.5 s (10 s by default), so a test need not wait.
      AURORA_PROBE_CACHE_MS: '500',
      ...(redisUp && { REDIS_URL: TEST_REDIS_URL, REDIS_CHANNEL_PREFIX: testChannelPrefix() }),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await standIn?.down();
    await store?.dispose();
  });

  it('keeps /metrics from the public', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await scrape('not-the-metrics-token')).status).toBe(401);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('counts a known workload correctly, and never logs a signature, token or cookie', async () => {
    const boards = [new BoardClient(server.url), new BoardClient(server.url)];
    const signatures: string[] = [];
    try {
      await Promise.all(boards.map((board) => board.waitFor((e) => e.name === 'snapshot')));
      for (const body of [
        '{"orderNumber":1}',
        '{"orderNumber":2}',
        '{"orderNumber":3}',
        '{"orderNumber":1}',
      ]) {
        const signature = signer.signature(body);
        signatures.push(signature);
        expect((await signer.send(server.url, body, { 'x-signature': signature })).status).toBe(
          200,
        );
      }
      const forged = signer.signature('{"orderNumber":9}');
      signatures.push(forged);
      for (let i = 0; i < 2; i++) {
        expect(
          (await signer.send(server.url, '{"orderNumber":8}', { 'x-signature': forged })).status,
        ).toBe(401);
      }
      const badBody = '{"orderNumber":"4"}';
      signatures.push(signer.signature(badBody));
      expect((await signer.send(server.url, badBody)).status).toBe(400);
      const huge = JSON.stringify({ orderNumber: 5, pad: 'x'.repeat(20_000) });
      signatures.push(signer.signature(huge));
      expect((await signer.send(server.url, huge)).status).toBe(413);

      const staff = new StaffClient(server.url);
      expect((await staff.login(ADMIN_TOKEN)).status).toBe(200);
      expect((await staff.request('POST', '/api/orders', { orderNumber: 10 })).status).toBe(201);
      // Removed before its add reached Aurora, the add would be dropped (tested elsewhere).
      await waitUntil(() => standIn.orders().some((order) => order.number === 10), 5000, 'add 10');
      expect((await staff.request('DELETE', '/api/orders/10')).status).toBe(200);

      // Orders 1, 2, 3 expire (2 s); every Aurora call settles.
      await waitUntil(
        async () => ((await (await fetch(`${server.url}/api/orders`)).json()) as []).length === 0,
        10_000,
        'expiry',
      );
      await waitUntil(
        async () => {
          const text = await (await scrape()).text();
          return (
            sample(text, 'hubble_aurora_outbox', { state: 'pending' }) +
              sample(text, 'hubble_aurora_outbox', { state: 'retrying' }) ===
            0
          );
        },
        10_000,
        'the outbox to drain',
      );

      const text = await (await scrape()).text();
      expect(sample(text, 'hubble_webhooks_total', { outcome: 'accepted' })).toBe(3);
      expect(sample(text, 'hubble_webhooks_total', { outcome: 'refreshed' })).toBe(1);
      expect(sample(text, 'hubble_webhooks_total', { outcome: 'bad_signature' })).toBe(2);
      expect(sample(text, 'hubble_webhooks_total', { outcome: 'bad_request' })).toBe(1);
      expect(sample(text, 'hubble_webhooks_total', { outcome: 'too_large' })).toBe(1);
      expect(sample(text, 'hubble_orders_created_total', { source: 'star-community' })).toBe(3);
      expect(sample(text, 'hubble_orders_created_total', { source: 'back-office' })).toBe(1);
      expect(sample(text, 'hubble_orders_refreshed_total')).toBe(1);
      expect(sample(text, 'hubble_orders_removed_total', { reason: 'staff' })).toBe(1);
      expect(sample(text, 'hubble_orders_removed_total', { reason: 'expired' })).toBe(3);
      // Adds: 1, 2, 3, 1 again, 10. Each went through on the first try.
      expect(
        sample(text, 'hubble_aurora_calls_total', { action: 'add', outcome: 'delivered' }),
      ).toBe(5);
      expect(sample(text, 'hubble_aurora_call_seconds_count', { action: 'add' })).toBe(5);
      expect(sample(text, 'hubble_connected_clients', { feed: 'board' })).toBe(2);
      // 4 creations, 1 refresh, 4 removals broadcast.
      expect(sample(text, 'hubble_commit_to_broadcast_seconds_count')).toBe(9);
      expect(sample(text, 'hubble_process_resident_memory_bytes')).toBeGreaterThan(0);

      const sessionId = staff.cookie?.split('=')[1] ?? '';
      expect(sessionId).not.toBe('');
      const logs = await server.logsUpToNow();
      for (const secret of [...signatures, ADMIN_TOKEN, sessionId, AURORA_KEY, METRICS_TOKEN]) {
        expect(logs.includes(secret) ? secret : 'absent').toBe('absent');
      }
    } finally {
      boards.forEach((board) => board.close());
    }
  }, 90_000);

  it('writes one JSON log line per request with the request id, echoed back', async () => {
    const response = await fetch(`${server.url}/api/orders`, {
      headers: { 'x-request-id': 'req-42' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    await waitUntil(() => server.logs.includes('"id":"req-42"'), 5000, 'the request log line');
    const line = server.logs.split('\n').find((l) => l.includes('"id":"req-42"')) ?? '';
    expect(JSON.parse(line)).toMatchObject({
      req: { id: 'req-42', method: 'GET', url: '/api/orders' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    const generated = await fetch(`${server.url}/api/orders`, {
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers liveness and readiness; Aurora out of reach only degrades readiness', async () => {
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });

    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { details: unknown }).details).toEqual({
      store: { status: 'up', kind: 'sqlite' },
      redis: redisUp ? { status: 'up' } : { status: 'up', configured: false },
      webhookKey: { status: 'up' },
      aurora: { status: 'up', sync: 'on' },
    });

    await standIn.down();
    try {
      // Readiness is asked until a fresh probe (past AURORA_PROBE_CACHE_MS) finds Aurora gone.
      let degraded = await fetch(`${server.url}/health/ready`);
      let body = (await degraded.json()) as { status: string; details: { aurora: unknown } };
      await waitUntil(
        async () => {
          degraded = await fetch(`${server.url}/health/ready`);
          body = (await degraded.json()) as typeof body;
          return body.status !== 'ok';
        },
        10_000,
        'readiness to notice Aurora is gone',
      );
      expect(degraded.status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.details.aurora).toEqual({
        status: 'degraded',
        sync: 'on',
        unreachable: 'ECONNREFUSED',
      });
    } finally {
      await standIn.up();
    }
  }, 90_000);

  it('is not ready without a webhook key', async () => {
    const keyless = await createTestStore('sqlite');
    const instance = await ServerProcess.start({
      ...keyless.env,
      STAR_COMMUNITY_PUBLIC_KEY_URL: 'http://127.0.0.1:9/webhooks.key',
    });
    try {
      const ready = await fetch(`${instance.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'error',
        error: { webhookKey: { status: 'down' } },
      });
      expect((await fetch(`${instance.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${instance.url}/metrics`)).status).toBe(404);
    } finally {
      await instance.stop();
      await keyless.dispose();
    }
  });

  it('refuses to start when REDIS_URL is set but Redis cannot be reached', async () => {
    const { code, output } = await runServerToExit({
      DATA_DIR: store.env.DATA_DIR,
      REDIS_URL: 'redis://127.0.0.1:9',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Start failed: Cannot reach Redis at REDIS_URL \(.*ECONNREFUSED/);
  }, 90_000);
});
