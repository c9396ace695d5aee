import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUSH_ROUTES } from '@hubble/contracts';
import {
  type BrowserSubscription,
  PushServiceStandIn,
  type ReceivedPush,
} from '../../../tools/push-service-stand-in/push-service-stand-in';
import { pushesInFlight, subscriptionCount } from './support/push-queue';
import { ServerProcess } from './support/server-process';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

interface PushPayload {
  notification: {
    title: string;
    body: string;
    tag: string;
    lang: string;
    renotify: boolean;
    vibrate: number[];
    data: { orderNumber: number; kind: string; onActionClick: { default: { operation: string } } };
  };
}

const TIMEOUT_SECONDS = 300;
const payloadOf = (push: ReceivedPush) => JSON.parse(push.payload ?? 'null') as PushPayload;

describe('Web Push for followed orders, against a push service stand-in', () => {
  const signer = new WebhookSigner();
  const keyFile = signer.writePublicKeyFile();
  let standIn: PushServiceStandIn;
  let store: TestStore;
  const servers: ServerProcess[] = [];

  const start = async (env: Record<string, string> = {}) => {
    const server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
      ORDER_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
      PUSH_SERVICE_HOSTS: `${standIn.hostEntry},fcm.googleapis.com`,
      ...env,
    });
    servers.push(server);
    return server;
  };

  const publicKey = async (server: ServerProcess) => {
    const response = await fetch(`${server.url}${PUSH_ROUTES.publicKey}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { publicKey: string }).publicKey;
  };

  const call = (server: ServerProcess, method: 'POST' | 'DELETE', body: unknown) =>
    fetch(`${server.url}${PUSH_ROUTES.subscriptions}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const follow = async (
    server: ServerProcess,
    orderNumber: number,
    lang: 'nl' | 'en' = 'en',
    key?: string,
  ) => {
    const subscription = standIn.subscribe(key ?? (await publicKey(server)));
    const { id: _id, ...json } = subscription;
    const response = await call(server, 'POST', { orderNumber, subscription: json, lang });
    expect(response.status).toBe(201);
    return subscription;
  };

  const idle = () =>
    waitUntil(async () => (await pushesInFlight(store)) === 0, 15_000, 'the push queue to empty');

  beforeEach(async () => {
    standIn = await PushServiceStandIn.start();
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await standIn.stop();
    await store.dispose();
  });

  it('serves one VAPID public key, kept in the store across restarts, never logged', async () => {
    let server = await start();
    const key = await publicKey(server);
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    await server.stop();
    server = await start();
    expect(await publicKey(server)).toBe(key);
    await server.logsUpToNow();
    expect(servers.map((s) => s.logs).join('')).not.toContain(key);
  });

  it('sends one push per follower per call with the text, TTL, Urgency and tag; a second call replaces the first', async () => {
    const server = await start();
    const english = await follow(server, 42, 'en');
    const dutch = await follow(server, 42, 'nl');
    const other = await follow(server, 43, 'en');

    await signer.sendOrder(server.url, 42);
    await standIn.waitFor(
      () => standIn.delivered(english.id).length === 1 && standIn.delivered(dutch.id).length === 1,
    );
    await idle();
    const [first] = standIn.delivered(english.id);
    expect(first.urgency).toBe('high');
    expect(first.topic).toBe('order-42');
    expect(first.ttl).toBeGreaterThan(TIMEOUT_SECONDS - 30);
    expect(first.ttl).toBeLessThanOrEqual(TIMEOUT_SECONDS);
    expect(first.claims?.aud).toBe(standIn.origin);
    const ready = payloadOf(first).notification;
    expect(ready).toMatchObject({
      title: 'Your order is ready',
      tag: 'order-42',
      lang: 'en',
      renotify: true,
      data: {
        orderNumber: 42,
        kind: 'ready',
        onActionClick: { default: { operation: 'focusLastFocusedOrOpen' } },
      },
    });
    expect(ready.body).toContain('42');
    expect(ready.vibrate.length).toBeGreaterThan(0);
    expect(payloadOf(standIn.delivered(dutch.id)[0]).notification.title).toBe(
      'Je bestelling is klaar',
    );
    expect(standIn.received.filter((push) => push.subscriptionId === other.id)).toHaveLength(0);

    await signer.sendOrder(server.url, 42); // called again
    await standIn.waitFor(() => standIn.delivered(english.id).length === 2);
    await idle();
    const again = payloadOf(standIn.delivered(english.id)[1]).notification;
    expect(again.tag).toBe(ready.tag);
    expect(again.data.kind).toBe('again');
    expect(again.body).not.toBe(ready.body);
    expect(standIn.delivered(english.id)).toHaveLength(2);
    expect(standIn.delivered(dutch.id)).toHaveLength(2);
    expect(standIn.received.filter((push) => push.subscriptionId === other.id)).toHaveLength(0);
    expect(await server.logsUpToNow()).not.toContain(english.endpoint);
  });

  it('pushes an evacuation once to every live subscription, and nothing when it ends', async () => {
    const server = await start();
    const english = await follow(server, 42, 'en');
    const dutch = await follow(server, 43, 'nl');
    const setState = async (desiredState: string) => {
      const body = JSON.stringify({ desiredState });
      const response = await fetch(`${server.url}/api/screen-state/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signer.signature(body) },
        body,
      });
      expect(response.status).toBe(200);
    };

    await setState('evacuation');
    await standIn.waitFor(
      () => standIn.delivered(english.id).length === 1 && standIn.delivered(dutch.id).length === 1,
    );
    await idle();
    const alert = payloadOf(standIn.delivered(english.id)[0]);
    expect(alert.notification).toMatchObject({ title: 'Evacuate now', tag: 'evacuation' });
    expect(payloadOf(standIn.delivered(dutch.id)[0]).notification.title).toBe('Nu evacueren');
    expect(standIn.delivered(english.id)[0].urgency).toBe('high');

    await setState('evacuation'); // already in force: no second alert
    await setState('open');
    await signer.sendOrder(server.url, 42); // a later push still arrives, so the queue moved on
    await standIn.waitFor(() => standIn.delivered(english.id).length === 2);
    await idle();
    expect(payloadOf(standIn.delivered(english.id)[1]).notification.tag).toBe('order-42');
    expect(standIn.delivered(dutch.id)).toHaveLength(1);
  });

  it("carries the café's branding: its name in the title, its logo as the icon", async () => {
    const plain = await start();
    const before = await follow(plain, 8, 'en');
    await signer.sendOrder(plain.url, 8);
    await standIn.waitFor(() => standIn.delivered(before.id).length === 1);
    expect(payloadOf(standIn.delivered(before.id)[0]).notification).toMatchObject({
      title: 'Your order is ready',
      icon: '/icons/icon-192.png',
    });
    await plain.stop();

    const branded = await start({
      BRAND_NAME: 'De Zwaan',
      BRAND_LOGO_URL: 'https://cdn.example.org/zwaan.png',
    });
    const dutch = await follow(branded, 9, 'nl');
    await signer.sendOrder(branded.url, 9);
    await standIn.waitFor(() => standIn.delivered(dutch.id).length === 1);
    expect(payloadOf(standIn.delivered(dutch.id)[0]).notification).toMatchObject({
      title: 'De Zwaan: Je bestelling is klaar',
      icon: 'https://cdn.example.org/zwaan.png',
    });
  });

  it('deletes a subscription the push service calls gone (410) and retries a 5xx', async () => {
    const server = await start();
    const flaky = await follow(server, 7);
    const gone = await follow(server, 7);
    standIn.failNext(flaky.id, 503, 2);
    standIn.expire(gone.id);

    await signer.sendOrder(server.url, 7);
    await standIn.waitFor(() => standIn.delivered(flaky.id).length === 1, 20_000, 'the retry');
    await idle();
    const attempts = standIn.received.filter((push) => push.subscriptionId === flaky.id);
    expect(attempts.map((push) => push.status)).toEqual([503, 503, 201]);
    expect(standIn.received.filter((push) => push.subscriptionId === gone.id)).toHaveLength(1);
    expect(await subscriptionCount(store)).toBe(1);

    await signer.sendOrder(server.url, 7);
    await standIn.waitFor(() => standIn.delivered(flaky.id).length === 2);
    await idle();
    expect(standIn.received.filter((push) => push.subscriptionId === gone.id)).toHaveLength(1);
  });

  it('stops pushing after DELETE, and refuses a bad DELETE', async () => {
    const server = await start();
    const kept = await follow(server, 9);
    const dropped = await follow(server, 9);
    expect((await call(server, 'DELETE', { endpoint: dropped.endpoint })).status).toBe(204);
    expect((await call(server, 'DELETE', { endpoint: dropped.endpoint })).status).toBe(204);
    const bad = await call(server, 'DELETE', { endpoint: 42 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/endpoint/);

    await signer.sendOrder(server.url, 9);
    await standIn.waitFor(() => standIn.delivered(kept.id).length === 1);
    await idle();
    expect(standIn.received.filter((push) => push.subscriptionId === dropped.id)).toHaveLength(0);
  });

  describe('refuses what could make the server call anywhere else (400, nothing stored, no request)', () => {
    let trap: Server;
    const trapped: string[] = [];

    beforeEach(async () => {
      trap = createServer((request, response) => {
        trapped.push(request.url ?? '');
        response.end();
      });
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      trap.closeAllConnections();
      await new Promise((resolve) => trap.close(resolve));
    });

    it('refuses private, link-local, unlisted and plain-http endpoints and bad keys', async () => {
      const server = await start();
      const good = standIn.subscribe(await publicKey(server));
      const keys = good.keys;
      const trapPort = (trap.address() as AddressInfo).port;
      const endpoints = [
        'https://10.0.0.1/push/abc',
        'https://192.168.1.20/push/abc',
        'https://169.254.169.254/latest/meta-data/',
        'https://[fe80::1]/push/abc',
        'https://[::ffff:127.0.0.1]/push/abc',
        'https://evil.example/push/abc',
        'https://fcm.googleapis.com.evil.example/fcm/send/abc',
        'https://user:secret@fcm.googleapis.com/fcm/send/abc',
        'https://fcm.googleapis.com:8443/fcm/send/abc',
        'http://fcm.googleapis.com/fcm/send/abc',
        `http://127.0.0.1:${trapPort}/push/abc`,
        `http://localhost:${trapPort}/push/abc`,
        `http://localhost:${standIn.hostEntry.split(':')[1]}/push/abc`,
        'file:///etc/passwd',
        'not a url',
        `${good.endpoint}${'x'.repeat(1100)}`,
      ];
      const body = (
        overrides: Record<string, unknown>,
        subscription: Partial<BrowserSubscription> = {},
      ) => ({
        orderNumber: 5,
        lang: 'en',
        subscription: { endpoint: good.endpoint, keys, ...subscription },
        ...overrides,
      });
      const notOnCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xff)]).toString(
        'base64url',
      );
      const bodies: unknown[] = [
        ...endpoints.map((endpoint) => body({}, { endpoint })),
        body({}, { keys: { p256dh: keys.p256dh.slice(0, 40), auth: keys.auth } }),
        body({}, { keys: { p256dh: notOnCurve, auth: keys.auth } }),
        body({}, { keys: { p256dh: keys.p256dh, auth: Buffer.alloc(15).toString('base64url') } }),
        body({ lang: 'de' }),
        body({ orderNumber: '5' }),
        body({ orderNumber: 100000 }),
        body({ padding: 'x'.repeat(5000) }),
        body({ subscription: 'nope' }),
        '[]',
      ];
      for (const request of bodies) {
        const response = await call(server, 'POST', request);
        const answer = (await response.json()) as { statusCode: number; message: string };
        expect({ request, status: response.status }).toEqual({ request, status: 400 });
        expect(answer.message.length).toBeGreaterThan(5);
      }
      expect(await subscriptionCount(store)).toBe(0);

      await signer.sendOrder(server.url, 5);
      const control = await follow(server, 6);
      await signer.sendOrder(server.url, 6);
      await standIn.waitFor(() => standIn.delivered(control.id).length === 1);
      await idle();
      expect(trapped).toEqual([]);
      expect(standIn.received.map((push) => push.subscriptionId)).toEqual([control.id]);
    });
  });

  it('caps followers per number and rate-limits subscription requests per address', async () => {
    const server = await start({
      PUSH_MAX_FOLLOWERS_PER_NUMBER: '2',
      PUSH_REQUESTS_PER_MINUTE: '3',
    });
    const key = await publicKey(server);
    await follow(server, 11, 'en', key);
    await follow(server, 11, 'en', key);
    const { id: _id, ...third } = standIn.subscribe(key);
    const full = await call(server, 'POST', { orderNumber: 11, lang: 'en', subscription: third });
    expect(full.status).toBe(400);
    expect(((await full.json()) as { message: string }).message).toMatch(/followers/);
    const limited = await call(server, 'POST', {
      orderNumber: 12,
      lang: 'en',
      subscription: third,
    });
    expect(limited.status).toBe(429);
    expect(await subscriptionCount(store)).toBe(2);
  });
});

const postgres = STORE_KINDS.includes('postgres') ? describe : describe.skip;

postgres('Web Push with two instances on PostgreSQL', () => {
  it('sends exactly one push per follower per call', async () => {
    const signer = new WebhookSigner();
    const standIn = await PushServiceStandIn.start();
    const store = await createTestStore('postgres');
    const env = {
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
      PUSH_SERVICE_HOSTS: standIn.hostEntry,
    };
    const first = await ServerProcess.start(env);
    const second = await ServerProcess.start(env);
    try {
      const key = (
        (await (await fetch(`${first.url}${PUSH_ROUTES.publicKey}`)).json()) as {
          publicKey: string;
        }
      ).publicKey;
      const keyOfSecond = (
        (await (await fetch(`${second.url}${PUSH_ROUTES.publicKey}`)).json()) as {
          publicKey: string;
        }
      ).publicKey;
      expect(keyOfSecond).toBe(key);
      const followers: string[] = [];
      for (let i = 0; i < 20; i++) {
        const { id, ...subscription } = standIn.subscribe(key);
        const server = i % 2 === 0 ? first : second;
        const response = await fetch(`${server.url}${PUSH_ROUTES.subscriptions}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orderNumber: 77, lang: 'en', subscription }),
        });
        expect(response.status).toBe(201);
        followers.push(id);
      }
      await signer.sendOrder(first.url, 77);
      await standIn.waitFor(
        () => followers.every((id) => standIn.delivered(id).length >= 1),
        20_000,
        'one push per follower',
      );
      await signer.sendOrder(second.url, 77); // called again, through the other instance
      await standIn.waitFor(
        () => followers.every((id) => standIn.delivered(id).length >= 2),
        20_000,
        'two pushes per follower',
      );
      await waitUntil(async () => (await pushesInFlight(store)) === 0, 15_000, 'an empty queue');
      for (const id of followers) {
        expect(standIn.received.filter((push) => push.subscriptionId === id)).toHaveLength(2);
        expect(standIn.delivered(id).map((push) => payloadOf(push).notification.data.kind)).toEqual(
          ['ready', 'again'],
        );
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${first.logs}\n${second.logs}`, {
        cause: error,
      });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await standIn.stop();
      await store.dispose();
    }
  });
});
