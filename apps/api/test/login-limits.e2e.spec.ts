import { NginxProxy, nginxAvailable } from './support/nginx';
import { redisRequiredOrAvailable, TEST_REDIS_URL, testChannelPrefix } from './support/redis';
import { ServerProcess } from './support/server-process';
import { StaffClient } from './support/staff-client';
import { createTestStore, type TestStore } from './support/stores';

const TOKEN = 'kitchen-token-for-limit-tests-0123456789';

if (!nginxAvailable() && process.env['CI']) {
  throw new Error('nginx (Debian package) is required under CI: apt-get install -y nginx');
}
const withRedis = (await redisRequiredOrAvailable()) ? describe : describe.skip;
const withNginx = nginxAvailable() ? describe : describe.skip;

const linkLogin = (baseUrl: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { redirect: 'manual', headers });

/** Statuses of `count` wrong POST logins, each claiming a new X-Forwarded-For address. */
async function rotatingWrongLogins(baseUrl: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await new StaffClient(baseUrl).login(`guess-${i}`, {
      'x-forwarded-for': `198.51.100.${i + 1}`,
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe('login limits', () => {
  const stores: TestStore[] = [];
  const servers: ServerProcess[] = [];
  // Starts still under way when a test ends (e.g. on its timeout) are awaited, so none outlives it.
  const starting: Promise<unknown>[] = [];

  const start = (env: Record<string, string> = {}) => {
    const started = (async () => {
      const store = await createTestStore('sqlite');
      stores.push(store);
      const server = await ServerProcess.start({ ...store.env, ADMIN_TOKEN: TOKEN, ...env });
      servers.push(server);
      return server;
    })();
    starting.push(started);
    return started;
  };

  afterEach(async () => {
    await Promise.allSettled(starting.splice(0));
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    await Promise.all(stores.splice(0).map((store) => store.dispose()));
  });

  it('refuses cross-site logins without counting them: 15 of them, then the right token works', async () => {
    const server = await start();
    for (let i = 0; i < 15; i += 1) {
      const link = await linkLogin(server.url, `/login/wrong-${i}`, {
        'sec-fetch-site': 'cross-site',
      });
      expect(link.status).toBe(302);
      expect(link.headers.get('location')).toBe('/admin/?login=cross-site');
      const post = await new StaffClient(server.url).login(`wrong-${i}`, {
        'sec-fetch-site': i % 2 ? 'cross-site' : 'same-site',
      });
      expect(post.status).toBe(403);
    }
    // Not even the right token is used when another site's page sends it.
    const crossSiteRight = await linkLogin(server.url, `/login/${TOKEN}`, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSiteRight.headers.get('location')).toBe('/admin/?login=cross-site');
    expect(crossSiteRight.headers.get('set-cookie')).toBeNull();

    const typed = await linkLogin(server.url, `/login/${TOKEN}`, { 'sec-fetch-site': 'none' });
    expect(typed.status).toBe(302);
    expect(typed.headers.get('location')).toBe('/admin/');
    expect(typed.headers.get('set-cookie')).toMatch(/^hubble_session=/);
    const fromDesk = await new StaffClient(server.url).login(TOKEN, {
      'sec-fetch-site': 'same-origin',
    });
    expect(fromDesk.status).toBe(200);
  });

  it('counts direct and same-origin wrong tokens', async () => {
    const server = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const site = ['none', 'same-origin', undefined][i % 3];
      const headers: Record<string, string> = site ? { 'sec-fetch-site': site } : {};
      statuses.push((await new StaffClient(server.url).login(`guess-${i}`, headers)).status);
    }
    expect(statuses).toEqual([...Array(11).fill(401), 429]);
    const link = await linkLogin(server.url, `/login/${TOKEN}`);
    expect(link.headers.get('location')).toBe('/admin/?login=blocked');
  });

  it('ignores X-Forwarded-For from clients when no proxy is trusted (TRUST_PROXY=none)', async () => {
    const server = await start({ TRUST_PROXY: 'none' });
    const statuses = await rotatingWrongLogins(server.url, 14);
    expect(statuses).toEqual([...Array(11).fill(401), ...Array(3).fill(429)]);
  });

  it('refuses a bad TRUST_PROXY or FRAME_ANCESTORS at start, naming the variable', async () => {
    const { runServerToExit } = await import('./support/server-process');
    const cases = [
      ['TRUST_PROXY', 'everyone'],
      ['FRAME_ANCESTORS', 'javascript:alert(1)'],
    ] as const;
    // Independent processes: run at once.
    const runs = await Promise.all(
      cases.map(([name, value]) => runServerToExit({ ADMIN_TOKEN: TOKEN, [name]: value })),
    );
    for (const [i, [name]] of cases.entries()) {
      expect(runs[i].code).not.toBe(0);
      expect(runs[i].output).toContain(name);
    }
  });

  withNginx('behind the deploy nginx', () => {
    let proxy: NginxProxy | undefined;
    afterEach(async () => {
      await proxy?.stop();
      proxy = undefined;
    });

    it('does not let a client rotating X-Forwarded-For through a loopback proxy bypass the limit', async () => {
      const server = await start();
      proxy = await NginxProxy.start([Number(new URL(server.url).port)]);
      const statuses = await rotatingWrongLogins(proxy.url, 14);
      expect(statuses).toEqual([...Array(11).fill(401), ...Array(3).fill(429)]);
    });

    it('logs in only at /login/, and no spelling of the link leaves a token, cookie or session id in either log', async () => {
      const server = await start();
      proxy = await NginxProxy.start([Number(new URL(server.url).port)]);
      const spellings = [
        `/LOGIN/${TOKEN}`,
        `/Login/${TOKEN}`,
        `/lOgIn/${TOKEN}`,
        `//login/${TOKEN}`,
        `///Login/${TOKEN}`,
        `/login//${TOKEN}`,
        `/%6Cogin/${TOKEN}`,
        `/login%2F${TOKEN}`,
        `/LOGIN/${TOKEN}?x=1`,
      ];
      const sessionIds: string[] = [];
      for (const base of [server.url, proxy.url]) {
        for (const path of spellings) {
          const response = await linkLogin(base, path, { 'sec-fetch-site': 'none' });
          expect(response.headers.get('set-cookie')).toBeNull();
        }
        const real = await linkLogin(base, `/login/${TOKEN}`, { 'sec-fetch-site': 'none' });
        const sessionId = /hubble_session=([^;]+)/.exec(real.headers.get('set-cookie') ?? '')?.[1];
        expect(sessionId).toBeDefined();
        sessionIds.push(sessionId!);
        const staff = new StaffClient(base);
        staff.cookie = `hubble_session=${sessionId}`;
        expect((await staff.request('GET', '/api/auth/session')).status).toBe(200);
      }
      const serverLogs = await server.logsUpToNow();
      const logs = `${serverLogs}\n${proxy.accessLog()}`;
      expect(proxy.accessLog()).toContain('/login/[redacted]');
      expect(serverLogs).toContain('/login/[redacted]');
      for (const secret of [TOKEN, TOKEN.slice(0, 12), 'hubble_session', ...sessionIds]) {
        expect(logs).not.toContain(secret);
      }
    });
  });

  withRedis('on two instances sharing Redis', () => {
    it('holds the login limit across instances', async () => {
      const shared = { REDIS_URL: TEST_REDIS_URL, REDIS_CHANNEL_PREFIX: testChannelPrefix() };
      // One at a time: three node processes starting at once on a loaded 2-core box can each
      // miss the 20 s start bound. Another deployment on the same Redis (its own prefix) is the third.
      const a = await start(shared);
      const b = await start(shared);
      const other = await start({
        REDIS_URL: TEST_REDIS_URL,
        REDIS_CHANNEL_PREFIX: testChannelPrefix(),
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const server = i % 2 ? b : a;
        statuses.push((await new StaffClient(server.url).login(`guess-${i}`)).status);
      }
      expect(statuses).toEqual([...Array(11).fill(401), 429]);
      expect((await new StaffClient(a.url).login(TOKEN)).status).toBe(429);
      expect((await new StaffClient(b.url).login(TOKEN)).status).toBe(429);

      // The other deployment keeps its own counts.
      expect((await new StaffClient(other.url).login(TOKEN)).status).toBe(200);
    }, 90_000); // three server starts on a loaded machine
  });
});
