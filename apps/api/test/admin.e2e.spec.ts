import type {
  AdminSnapshot,
  AuditEntryDto,
  BoardOrderChange,
  BoardOrderRemoval,
} from '@hubble/contracts';
import { ServerProcess } from './support/server-process';
import { nextEvent, StaffClient } from './support/staff-client';
import { createTestStore, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';

const TOKEN = 'kitchen-token-for-tests-0123456789';

describe('back-office access and desk API', () => {
  let store: TestStore;
  let server: ServerProcess;

  const startServer = async (env: Record<string, string> = {}) => {
    server = await ServerProcess.start({ ...store.env, ADMIN_TOKEN: TOKEN, ...env });
    return server;
  };

  const loggedIn = async () => {
    const staff = new StaffClient(server.url);
    expect((await staff.login(TOKEN)).status).toBe(200);
    return staff;
  };

  const activeNumbers = async () =>
    ((await (await fetch(`${server.url}/api/orders`)).json()) as { number: number }[]).map(
      (order) => order.number,
    );

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    await startServer();
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  describe('login', () => {
    it('opens a session with the token: an httpOnly, SameSite=Strict cookie', async () => {
      const staff = new StaffClient(server.url);
      const response = await staff.login(TOKEN);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { label: string; expiresAt: string };
      expect(body.label).toMatch(/^\S.* · [0-9a-f]{4}$/);
      const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);
      expect(days).toBeLessThanOrEqual(14);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^hubble_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/); // plain http on loopback

      const session = await staff.request('GET', '/api/auth/session');
      expect(session.status).toBe(200);
      expect(await session.json()).toEqual(body);
    });

    it('marks the cookie Secure when the request came over https through the proxy', async () => {
      const response = await new StaffClient(server.url).login(TOKEN, {
        'x-forwarded-proto': 'https',
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    });

    it('refuses a wrong token with 401 JSON and no cookie', async () => {
      const staff = new StaffClient(server.url);
      for (const token of ['wrong-token', '', 42, null, TOKEN.slice(0, -1), `${TOKEN}x`]) {
        const response = await staff.login(token, { 'x-forwarded-for': '10.0.0.7' });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          statusCode: 401,
          message: 'Wrong token',
          error: 'Unauthorized',
        });
        expect(response.headers.get('set-cookie')).toBeNull();
      }
    });

    it('logs in with the login link and redirects to the desk', async () => {
      const response = await fetch(`${server.url}/login/${TOKEN}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/admin/');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const cookie = /hubble_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      expect(cookie).toBeDefined();
      const staff = new StaffClient(server.url);
      staff.cookie = cookie;
      expect((await staff.request('GET', '/api/auth/session')).status).toBe(200);

      const wrong = await fetch(`${server.url}/login/not-the-token`, {
        redirect: 'manual',
        headers: { 'x-forwarded-for': '10.0.0.8' },
      });
      expect(wrong.status).toBe(302);
      expect(wrong.headers.get('location')).toBe('/admin/?login=invalid-link');
      expect(wrong.headers.get('set-cookie')).toBeNull();
    });

    it('ends access at logout', async () => {
      const staff = await loggedIn();
      expect((await staff.request('POST', '/api/auth/logout')).status).toBe(204);
      const after = await staff.request('GET', '/api/auth/session');
      expect(after.status).toBe(401);
      expect((await staff.request('POST', '/api/orders', { orderNumber: 5 })).status).toBe(401);
    });

    it('throttles a burst of wrong tokens per address, for a minute at most', async () => {
      const attacker = new StaffClient(server.url);
      const address = { 'x-forwarded-for': '10.9.9.9' };
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        statuses.push((await attacker.login(`guess-${i}`, address)).status);
      }
      // The 11th wrong token within a minute blocks the address: from then on only 429.
      expect(statuses.slice(0, 11)).toEqual(Array(11).fill(401));
      expect(statuses.slice(11)).toEqual(Array(89).fill(429));

      // While blocked even the right token is refused: a burst finds nothing faster.
      const blocked = await attacker.login(TOKEN, address);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(((await blocked.json()) as { message: string }).message).toMatch(/try again in/);

      // Staff elsewhere are not affected.
      expect((await new StaffClient(server.url).login(TOKEN)).status).toBe(200);
    });
  });

  describe('without a session', () => {
    it.each([
      ['GET', '/api/auth/session'],
      ['GET', '/api/admin/desk'],
      ['POST', '/api/orders'],
      ['DELETE', '/api/orders/5'],
      ['POST', '/api/orders/5/recall'],
      ['POST', '/api/auth/logout'],
    ])('%s %s answers 401 JSON', async (method, path) => {
      const response = await new StaffClient(server.url).request(
        method,
        path,
        method === 'POST' ? { orderNumber: 5 } : undefined,
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('refuses a forged cookie', async () => {
      const staff = new StaffClient(server.url);
      staff.cookie = 'hubble_session=' + 'A'.repeat(43);
      expect((await staff.request('GET', '/api/admin/desk')).status).toBe(401);
    });
  });

  describe('the desk API', () => {
    it('adds, refreshes, removes and recalls orders, and answers bad input with 400', async () => {
      const staff = await loggedIn();
      const added = await staff.request('POST', '/api/orders', { orderNumber: 42 });
      expect(added.status).toBe(201);
      expect(await added.json()).toEqual({
        order: expect.objectContaining({ number: 42, source: 'back-office' }),
        refreshed: false,
      });
      const again = await staff.request('POST', '/api/orders', { orderNumber: 42 });
      expect(((await again.json()) as { refreshed: boolean }).refreshed).toBe(true);
      expect(await activeNumbers()).toEqual([42]);

      const removed = await staff.request('DELETE', '/api/orders/42');
      expect(removed.status).toBe(200);
      expect(await removed.json()).toMatchObject({ number: 42, removedReason: 'staff' });
      expect(await activeNumbers()).toEqual([]);
      expect((await staff.request('DELETE', '/api/orders/42')).status).toBe(404);

      const recalled = await staff.request('POST', '/api/orders/42/recall');
      expect(recalled.status).toBe(200);
      expect(await recalled.json()).toMatchObject({ number: 42 });
      expect(await activeNumbers()).toEqual([42]);
      expect((await staff.request('POST', '/api/orders/42/recall')).status).toBe(409);
      expect((await staff.request('POST', '/api/orders/43/recall')).status).toBe(404);
      await staff.request('DELETE', '/api/orders/42');
    });

    it.each([
      ['a string number', { orderNumber: '42' }, /orderNumber must be/],
      ['zero', { orderNumber: 0 }, /orderNumber must be/],
      ['a fraction', { orderNumber: 4.5 }, /orderNumber must be/],
      ['a missing field', {}, /orderNumber must be/],
      ['a 1 MB string', { orderNumber: 'x'.repeat(1024 * 1024) }, /orderNumber must be/],
      ['an array body', [42], /JSON object/],
      ['a body that is not JSON', '{"orderNumber":', /not valid JSON/],
    ])('refuses %s with 400 and changes nothing', async (_name, body, message) => {
      const staff = await loggedIn();
      const response = await staff.request('POST', '/api/orders', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
      expect(await activeNumbers()).toEqual([]);
    });

    it('refuses a bad number in the path with 400', async () => {
      const staff = await loggedIn();
      for (const path of ['/api/orders/abc', '/api/orders/0', '/api/orders/100000/recall']) {
        const method = path.endsWith('recall') ? 'POST' : 'DELETE';
        expect((await staff.request(method, path)).status).toBe(400);
      }
    });

    it('refuses a cross-site request carrying the session cookie', async () => {
      const staff = await loggedIn();
      const crossSite = await staff.request(
        'POST',
        '/api/orders',
        { orderNumber: 66 },
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      );
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toMatchObject({ message: 'Cross-site request refused' });

      // An older browser without Sec-Fetch-Site still sends Origin.
      const fetchOld = (origin: string) =>
        fetch(`${server.url}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: staff.cookie ?? '', origin },
          body: '{"orderNumber":67}',
        });
      expect((await fetchOld('https://evil.example')).status).toBe(403);
      expect(await activeNumbers()).toEqual([]);
      expect((await fetchOld(new URL(server.url).origin)).status).toBe(201);
      await staff.request('DELETE', '/api/orders/67');
    });

    it('keeps an audit trail of staff actions with the session label, nothing secret', async () => {
      const staff = await loggedIn();
      const { label } = (await (await staff.request('GET', '/api/auth/session')).json()) as {
        label: string;
      };
      await staff.request('POST', '/api/orders', { orderNumber: 77 });
      await staff.request('DELETE', '/api/orders/77');
      await staff.request('POST', '/api/orders/77/recall');
      await staff.request('DELETE', '/api/orders/77');

      const desk = (await (await staff.request('GET', '/api/admin/desk')).json()) as AdminSnapshot;
      const mine = desk.activity.filter((entry) => entry.session === label);
      expect(mine.map((entry) => [entry.action, entry.orderNumber])).toEqual([
        ['order.remove', 77],
        ['order.recall', 77],
        ['order.remove', 77],
        ['order.add', 77],
        ['login', null],
      ]);
      expect(JSON.stringify(desk.activity)).not.toContain(TOKEN);
      expect(desk.recentlyRemoved[0]).toMatchObject({ number: 77, removedReason: 'staff' });
      expect(Date.parse(desk.serverTime)).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe('the /admin feed', () => {
    it('is refused without a session, and to a cross-site page with one', async () => {
      const anonymous = new StaffClient(server.url).connect();
      await expect(nextEvent(anonymous, 'snapshot')).rejects.toThrow('unauthorized');
      anonymous.close();

      const staff = await loggedIn();
      const crossSite = staff.connect({ origin: 'https://evil.example' });
      await expect(nextEvent(crossSite, 'snapshot')).rejects.toThrow('unauthorized');
      crossSite.close();
    });

    it('streams the desk: snapshot, changes, delivery states, activity; ends with the session', async () => {
      const staff = await loggedIn();
      const socket = staff.connect();
      try {
        const snapshot = await nextEvent<AdminSnapshot>(socket, 'snapshot');
        expect(snapshot).toMatchObject({ active: [], deliveries: [] });

        const created = nextEvent<BoardOrderChange>(socket, 'order.created');
        const activity = nextEvent<AuditEntryDto>(socket, 'activity');
        await staff.request('POST', '/api/orders', { orderNumber: 88 });
        expect((await created).version).toBe(snapshot.version + 1);
        expect((await created).order.number).toBe(88);
        expect(await activity).toMatchObject({ action: 'order.add', orderNumber: 88 });

        const removed = nextEvent<BoardOrderRemoval>(socket, 'order.removed');
        await staff.request('DELETE', '/api/orders/88');
        expect((await removed).order).toMatchObject({ number: 88, removedReason: 'staff' });

        const ended = nextEvent<void>(socket, 'session.ended');
        const disconnected = nextEvent<string>(socket, 'disconnect');
        await staff.request('POST', '/api/auth/logout');
        await ended;
        await disconnected;
      } finally {
        socket.close();
      }
    });
  });

  it('never writes the token, a cookie or a session id to the log', async () => {
    const staff = await loggedIn();
    const sessionId = staff.cookie?.split('=')[1] ?? '';
    expect(sessionId.length).toBeGreaterThan(20);
    const logs = await server.logsUpToNow();
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(sessionId);
    expect(logs).not.toContain('hubble_session');
  });

  it('revokes every session when ADMIN_TOKEN changes', async () => {
    const staff = await loggedIn();
    expect((await staff.request('GET', '/api/auth/session')).status).toBe(200);
    await server.stop();
    await startServer({ ADMIN_TOKEN: 'a-brand-new-kitchen-token-987654' });
    const sameBrowser = new StaffClient(server.url);
    sameBrowser.cookie = staff.cookie;
    expect((await sameBrowser.request('GET', '/api/auth/session')).status).toBe(401);
  });
});

describe('the development login link', () => {
  it('is printed at start in development with a generated token, and works', async () => {
    const store = await createTestStore('sqlite');
    const server = await ServerProcess.start({ ...store.env, NODE_ENV: 'development' });
    try {
      await waitUntil(() => server.logs.includes('login link'), 5000, 'the login link');
      const link = /Back-office login link .*: (http:\/\/localhost:\d+)(\/login\/[\w-]+)/.exec(
        server.logs,
      );
      expect(link).not.toBeNull();
      const response = await fetch(new URL(link?.[2] ?? '', server.url), { redirect: 'manual' });
      expect(response.headers.get('location')).toBe('/admin/');
    } finally {
      await server.stop();
      await store.dispose();
    }
  });

  it.each([
    ['test, generated token', { NODE_ENV: 'test' }],
    [
      'production, ADMIN_TOKEN set',
      { NODE_ENV: 'production', ADMIN_TOKEN: TOKEN, VAPID_SUBJECT: 'mailto:ops@example.org' },
    ],
    ['development, ADMIN_TOKEN set', { NODE_ENV: 'development', ADMIN_TOKEN: TOKEN }],
  ])('is not printed in %s', async (_name, env) => {
    const store = await createTestStore('sqlite');
    const signer = { STAR_COMMUNITY_PUBLIC_KEY_URL: 'http://127.0.0.1:9/key' };
    const server = await ServerProcess.start({ ...store.env, ...signer, ...env });
    try {
      const logs = await server.logsUpToNow(); // the start is over
      expect(logs).not.toMatch(/login link/);
      expect(logs).not.toContain(TOKEN);
    } finally {
      await server.stop();
      await store.dispose();
    }
  });
});
