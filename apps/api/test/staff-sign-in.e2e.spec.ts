import { createServer, type Server, type Socket } from 'node:net';
import type { AdminSnapshot, StaffSessionDto } from '@hubble/contracts';
import { freePort } from './support/free-port';
import { SignInBrowser } from './support/oidc/sign-in-browser';
import { TestProvider } from './support/oidc/test-provider';
import { runServerToExit, ServerProcess } from './support/server-process';
import { StaffClient } from './support/staff-client';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';

const TOKEN = 'kitchen-token-for-tests-0123456789';

/** The staff session cookie of a browser, as a StaffClient uses it. */
function staffOf(browser: SignInBrowser, url: string): StaffClient {
  const staff = new StaffClient(url);
  const value = browser.cookie(url, 'hubble_session');
  if (value) staff.cookie = `hubble_session=${value}`;
  return staff;
}

describe.each(STORE_KINDS)('staff sign-in with OpenID Connect (a real provider) on %s', (kind) => {
  let store: TestStore;
  let provider: TestProvider;
  let server: ServerProcess;
  let url: string;
  /** Every code and state the provider handed out: none may reach the log. */
  const secrets: string[] = [];

  const callbackOf = async (browser: SignInBrowser, login: string) => {
    const callback = await browser.signInAtProvider(await browser.startSignIn(), login);
    const params = new URL(callback).searchParams;
    secrets.push(params.get('code') ?? '', params.get('state') ?? '');
    return callback;
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await TestProvider.start(url);
    server = await ServerProcess.start({
      ...store.env,
      ...provider.env(),
      ADMIN_TOKEN: TOKEN,
      PORT: String(port),
      LOG_LEVEL: 'debug',
    });
    secrets.push(provider.client.clientSecret);
  });

  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
    await store?.dispose();
  });

  it('tells the login screen what is offered', async () => {
    const response = await fetch(`${url}/api/auth/options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tokenLogin: true,
      oidc: { providerName: 'Hubble Test ID' },
    });
  });

  it('signs a member in: a session labelled with their name, named in the audit trail', async () => {
    const browser = new SignInBrowser(url);
    const authorization = await browser.startSignIn();
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${url}/auth/oidc/callback`);
    const callback = await browser.signInAtProvider(authorization, 'ada');
    secrets.push(new URL(callback).searchParams.get('code') ?? '');

    const landed = await browser.request(callback);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/admin/');
    const staff = staffOf(browser, url);
    const session = await staff.request('GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      label: 'Ada Lovelace (ada@hubble.test)',
      kind: 'oidc',
    });

    expect((await staff.request('POST', '/api/orders', { orderNumber: 417 })).status).toBe(201);
    const desk = (await (await staff.request('GET', '/api/admin/desk')).json()) as AdminSnapshot;
    expect(desk.activity[0]).toMatchObject({
      action: 'order.add',
      orderNumber: 417,
      session: 'Ada Lovelace (ada@hubble.test)',
    });
    expect(desk.activity[1]).toMatchObject({
      action: 'login',
      session: 'Ada Lovelace (ada@hubble.test)',
    });

    // Logout ends ours, then the provider's through its end-session endpoint.
    expect((await staff.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await staff.request('GET', '/api/auth/session')).status).toBe(401);
    const endSession = await browser.request(`${url}/auth/oidc/logout`);
    expect(endSession.status).toBe(302);
    const target = new URL(endSession.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(target.searchParams.get('client_id')).toBe(provider.client.clientId);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${url}/admin/`);
    const confirm = await browser.request(target);
    expect(confirm.status).toBe(200);
  });

  it('refuses a person outside the allowed groups with a page naming them, and no session', async () => {
    const browser = new SignInBrowser(url);
    const response = await browser.request(await callbackOf(browser, 'bob'));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain(
      'You are signed in as Bob Outsider (bob@hubble.test) but not allowed here; ask whoever manages the café&#39;s Hubble Test ID accounts to add you to the staff group.',
    );
    expect(browser.cookie(url, 'hubble_session')).toBeUndefined();
  });

  it('refuses Entra ID group overage with what the admin must configure', async () => {
    const browser = new SignInBrowser(url);
    const response = await browser.request(await callbackOf(browser, 'many'));
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('Too many groups to check');
    expect(page).toContain('Token configuration');
    expect(page).toContain('Groups assigned to the application');
    expect(browser.cookie(url, 'hubble_session')).toBeUndefined();
  });

  describe('bad callbacks get a clear page and no session', () => {
    const expectRefused = async (
      browser: SignInBrowser,
      response: Response,
      status: number,
      text: string,
    ) => {
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(text);
      expect(response.headers.getSetCookie().join()).not.toMatch(/hubble_session=[^;]/);
      expect(browser.cookie(url, 'hubble_session')).toBeUndefined();
    };

    it('without state', async () => {
      const browser = new SignInBrowser(url);
      const callback = new URL(await callbackOf(browser, 'ada'));
      callback.searchParams.delete('state');
      await expectRefused(browser, await browser.request(callback), 400, 'no sign-in state');
    });

    it('with a state this browser did not start', async () => {
      const browser = new SignInBrowser(url);
      const callback = new URL(await callbackOf(browser, 'ada'));
      callback.searchParams.set('state', 'forged-state-value');
      await expectRefused(
        browser,
        await browser.request(callback),
        400,
        'belongs to another sign-in',
      );
    });

    it('in another browser (no sign-in cookie)', async () => {
      const callback = await callbackOf(new SignInBrowser(url), 'ada');
      const other = new SignInBrowser(url);
      await expectRefused(other, await other.request(callback), 400, 'No sign-in is waiting');
    });

    it('replayed', async () => {
      const browser = new SignInBrowser(url);
      const callback = await callbackOf(browser, 'ada');
      const flowCookie = browser.cookie(url, 'hubble_oidc');
      expect((await browser.request(callback)).status).toBe(302);
      // An attacker holding the whole request (URL and cookie) replays it.
      const replay = new SignInBrowser(url);
      const response = await fetch(callback, {
        redirect: 'manual',
        headers: { cookie: `hubble_oidc=${flowCookie}` },
      });
      await expectRefused(replay, response, 400, 'finished already');
    });

    it('with a code that was already redeemed, in a fresh sign-in', async () => {
      const first = new SignInBrowser(url);
      const used = new URL(await callbackOf(first, 'ada'));
      expect((await first.request(used)).status).toBe(302);
      const browser = new SignInBrowser(url);
      const fresh = new URL(await callbackOf(browser, 'ada'));
      fresh.searchParams.set('code', used.searchParams.get('code') ?? '');
      await expectRefused(browser, await browser.request(fresh), 400, 'refused this sign-in');
    });

    it.each([
      ['a nonce that does not match', { nonce: 'another-nonce' }, '"nonce"'],
      ['another issuer', { iss: 'https://evil.example' }, '"iss"'],
      ['another audience', { aud: 'someone-else' }, '"aud"'],
    ])('with an ID token carrying %s', async (_what, claims, mentions) => {
      const browser = new SignInBrowser(url);
      const callback = await callbackOf(browser, 'ada');
      await provider.tamperNextIdToken(claims);
      const response = await browser.request(callback);
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('did not pass its checks');
      expect(page).toContain(mentions.replaceAll('"', '&quot;'));
      expect(browser.cookie(url, 'hubble_session')).toBeUndefined();
    });

    it('with an expired ID token', async () => {
      const browser = new SignInBrowser(url);
      const callback = await callbackOf(browser, 'ada');
      const past = Math.floor(Date.now() / 1000) - 3600;
      await provider.tamperNextIdToken({ iat: past - 60, exp: past });
      await expectRefused(browser, await browser.request(callback), 400, 'has expired');
    });

    it('with an error from the provider (the person cancelled)', async () => {
      const browser = new SignInBrowser(url);
      const authorization = await browser.startSignIn();
      const state = authorization.searchParams.get('state') ?? '';
      const response = await browser.request(
        `${url}/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      );
      await expectRefused(browser, response, 400, 'did not sign you in (access_denied)');
    });
  });

  it('lists the active sessions and ends another one from the desk', async () => {
    const tablet = new StaffClient(url);
    expect((await tablet.login(TOKEN)).status).toBe(200);
    const browser = new SignInBrowser(url);
    expect((await browser.signIn('ada')).status).toBe(302);
    const ada = staffOf(browser, url);

    const list = await tablet.request('GET', '/api/admin/sessions');
    expect(list.status).toBe(200);
    const sessions = (await list.json()) as StaffSessionDto[];
    const adas = sessions.find((session) => session.label.startsWith('Ada Lovelace'));
    const own = sessions.find((session) => session.current);
    expect(adas).toMatchObject({ kind: 'oidc', current: false });
    expect(adas?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(own).toMatchObject({ kind: 'token' });
    expect(JSON.stringify(sessions)).not.toContain(ada.cookie?.split('=')[1] ?? '-');

    expect((await tablet.request('DELETE', `/api/admin/sessions/${adas?.id}`)).status).toBe(204);
    expect((await ada.request('GET', '/api/auth/session')).status).toBe(401);
    expect((await tablet.request('DELETE', `/api/admin/sessions/${adas?.id}`)).status).toBe(404);
    expect((await tablet.request('DELETE', '/api/admin/sessions/nonsense')).status).toBe(404);
    // Not from another site, and not without a session.
    const crossSite = await tablet.request('DELETE', `/api/admin/sessions/${own?.id}`, undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await new StaffClient(url).request('GET', '/api/admin/sessions')).status).toBe(401);
    const desk = (await (await tablet.request('GET', '/api/admin/desk')).json()) as AdminSnapshot;
    expect(desk.activity[0]).toMatchObject({ action: 'session.end', session: own?.label });
  });

  it('writes no secret to the log: client secret, codes, states, tokens', async () => {
    const logs = await server.logsUpToNow();
    expect(logs).toContain('Signed in: Ada Lovelace');
    expect(logs).toContain('/auth/oidc/callback?[redacted]');
    for (const secret of secrets.filter((value) => value.length > 8)) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/eyJ[\w-]{10,}/); // no JWT (ID token, access token)
    expect(logs).not.toContain('ada@hubble.test');
  });
});

describe('staff sign-in when the provider is down or slow', () => {
  let store: TestStore;
  let hanging: Server;
  const held: Socket[] = [];

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    hanging = createServer((socket) => held.push(socket)); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    held.forEach((socket) => socket.destroy());
    await new Promise((resolve) => hanging.close(resolve));
    await store?.dispose();
  });

  const providerEnv = (issuer: string) => ({
    ...store.env,
    ADMIN_TOKEN: TOKEN,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'hubble-desk',
    OIDC_CLIENT_SECRET: 'secret-never-logged-1234',
    OIDC_REDIRECT_URI: 'http://127.0.0.1:9/auth/oidc/callback',
    OIDC_TIMEOUT_SECONDS: '1',
  });

  it.each([
    ['down', async () => `http://127.0.0.1:${await freePort()}`],
    ['slow', async () => `http://127.0.0.1:${(hanging.address() as { port: number }).port}`],
  ])(
    'starts anyway and says the provider is not answering when it is %s',
    async (_, issuer) => {
      const server = await ServerProcess.start(providerEnv(await issuer()));
      try {
        const response = await fetch(`${server.url}/auth/oidc/login`, { redirect: 'manual' });
        expect(response.status).toBe(503);
        expect(await response.text()).toContain('is not answering');
        expect(response.headers.getSetCookie().join()).not.toContain('hubble_oidc');
        expect(await server.logsUpToNow()).not.toContain('secret-never-logged-1234');
      } finally {
        await server.stop();
      }
    },
    60_000,
  ); // a server start on a loaded machine

  it('with ADMIN_TOKEN_LOGIN=off refuses the token and its link', async () => {
    const server = await ServerProcess.start({
      ...providerEnv(`http://127.0.0.1:${await freePort()}`),
      ADMIN_TOKEN_LOGIN: 'off',
    });
    try {
      const options = await (await fetch(`${server.url}/api/auth/options`)).json();
      expect(options).toEqual({ tokenLogin: false, oidc: { providerName: '127.0.0.1' } });
      const staff = new StaffClient(server.url);
      const login = await staff.login(TOKEN);
      expect(login.status).toBe(403);
      expect(staff.cookie).toBeUndefined();
      const link = await fetch(`${server.url}/login/${TOKEN}`, { redirect: 'manual' });
      expect(link.status).toBe(403);
      expect(link.headers.getSetCookie().join()).not.toContain('hubble_session');
    } finally {
      await server.stop();
    }
  }, 120_000);

  describe('with a wrong configuration', () => {
    const refusals: [Record<string, string>, string][] = [
      [{ OIDC_ISSUER: 'http://login.example.org' }, 'OIDC_ISSUER must be an https URL'],
      [{ OIDC_ISSUER: 'https://login.example.org' }, 'OIDC_CLIENT_ID is required'],
      [
        { OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'x' },
        'OIDC_CLIENT_SECRET is required',
      ],
      [
        { OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' },
        'OIDC_REDIRECT_URI or PUBLIC_URL is required',
      ],
      [{ ADMIN_TOKEN_LOGIN: 'maybe' }, 'ADMIN_TOKEN_LOGIN must be on or off'],
      [{ ADMIN_TOKEN_LOGIN: 'off' }, 'ADMIN_TOKEN_LOGIN=off needs OIDC_ISSUER'],
    ];
    // Each refusal is its own process: all start at once when this block begins (not beside the
    // server starts above, whose 20 s start bound a loaded machine needs); each test checks its own.
    let refusalRuns: Promise<{ code: number | null; output: string }>[] = [];
    beforeAll(() => {
      refusalRuns = refusals.map(([env]) =>
        runServerToExit({ ...store.env, ADMIN_TOKEN: TOKEN, ...env }),
      );
    });
    afterAll(async () => {
      await Promise.all(refusalRuns);
    });

    it.each(refusals.map(([env, message], index) => [env, message, index] as const))(
      'refuses to start with %j',
      async (_env, message, index) => {
        const { code, output } = await refusalRuns[index];
        expect(code).toBe(1);
        expect(output).toContain(message);
      },
      60_000, // six node processes start together on a loaded machine
    );
  });
});
