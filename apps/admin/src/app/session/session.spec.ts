import { TestBed } from '@angular/core/testing';
import { ADMIN_ROUTES, type AdminSessionDto } from '@hubble/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminApi, FETCH } from '../api/admin-api';
import { apiError, fakeFetch, json, offline, type Route } from '../testing/fake-fetch';
import { NAVIGATE, Session } from './session';

const me: AdminSessionDto = {
  label: 'Tablet · 3f9a',
  expiresAt: '2026-01-15T12:00:00.000Z',
  kind: 'token',
};

function setup(routes: Record<string, Route>) {
  const fake = fakeFetch(routes);
  TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fake.fetch }] });
  return { session: TestBed.inject(Session), api: TestBed.inject(AdminApi), ...fake };
}

describe('Session', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
    history.replaceState(null, '', '/');
  });

  it('is signed in at start when the API knows the cookie', async () => {
    const { session } = setup({ [`GET ${ADMIN_ROUTES.session}`]: () => json(200, me) });
    expect(session.state().status).toBe('checking');
    await session.start();
    expect(session.state()).toEqual({ status: 'signed-in', session: me });
    expect(session.current()?.label).toBe('Tablet · 3f9a');
  });

  it('shows the login screen without a session', async () => {
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
    });
    await session.start();
    expect(session.state()).toEqual({ status: 'signed-out', reason: null });
  });

  it('takes the login link’s verdict from the URL and removes it from the address', async () => {
    history.replaceState(null, '', '/admin/?login=invalid-link&x=1');
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
    });
    await session.start();
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'invalid-link' });
    expect(location.pathname + location.search).toBe('/admin/?x=1');
  });

  it('tells a login link refused for too many attempts', async () => {
    history.replaceState(null, '', '/admin/?login=blocked');
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
    });
    await session.start();
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'blocked' });
    expect(location.search).toBe('');
  });

  it('tells a login link the API refused to use because another site opened it', async () => {
    history.replaceState(null, '', '/admin/?login=cross-site');
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
    });
    await session.start();
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'cross-site' });
    expect(location.search).toBe('');
  });

  it('says the server cannot be reached, and checks again on request', async () => {
    let up = false;
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => (up ? json(200, me) : offline()),
    });
    await session.start();
    expect(session.state().status).toBe('unreachable');
    up = true;
    await session.check();
    expect(session.state().status).toBe('signed-in');
  });

  describe('login', () => {
    it('logs in with the token', async () => {
      const { session, calls } = setup({ [`POST ${ADMIN_ROUTES.login}`]: () => json(200, me) });
      expect(await session.login('s3cret-token-for-tests')).toEqual({ ok: true });
      expect(calls[0]).toMatchObject({ method: 'POST', body: { token: 's3cret-token-for-tests' } });
      expect(session.state().status).toBe('signed-in');
    });

    it('refuses a wrong token', async () => {
      const { session } = setup({
        [`POST ${ADMIN_ROUTES.login}`]: () => apiError(401, 'Invalid token'),
      });
      await session.start().catch(() => undefined);
      expect(await session.login('wrong')).toEqual({ ok: false, problem: 'wrong-token' });
      expect(session.state().status).not.toBe('signed-in');
    });

    it('reports throttling with the wait from Retry-After (or a minute)', async () => {
      let retryAfter: Record<string, string> = { 'Retry-After': '42' };
      const { session } = setup({
        [`POST ${ADMIN_ROUTES.login}`]: () => apiError(429, 'Too Many Requests', retryAfter),
      });
      expect(await session.login('x')).toEqual({
        ok: false,
        problem: 'throttled',
        retryAfterSeconds: 42,
      });
      retryAfter = {};
      expect(await session.login('x')).toMatchObject({ retryAfterSeconds: 60 });
    });

    it('tells a network failure from a server failure', async () => {
      let fail: () => Response = offline;
      const { session } = setup({ [`POST ${ADMIN_ROUTES.login}`]: () => fail() });
      expect(await session.login('x')).toEqual({ ok: false, problem: 'unreachable' });
      fail = () => apiError(500, 'Internal server error');
      expect(await session.login('x')).toEqual({ ok: false, problem: 'server' });
    });
  });

  it('logs out on the server, and stays in when the server cannot be reached', async () => {
    let up = false;
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => json(200, me),
      [`POST ${ADMIN_ROUTES.logout}`]: () => (up ? new Response(null, { status: 204 }) : offline()),
    });
    await session.start();
    expect(await session.logout()).toBe(false);
    expect(session.state().status).toBe('signed-in');
    up = true;
    expect(await session.logout()).toBe(true);
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'logged-out' });
  });

  it('goes back to the login screen when any later request gets 401', async () => {
    const { session, api } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => json(200, me),
      [`POST ${ADMIN_ROUTES.orders}`]: () => apiError(401, 'Unauthorized'),
    });
    await session.start();
    await expect(api.addOrder(5)).rejects.toMatchObject({ status: 401 });
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  it('verify() ends the session on 401 and keeps it otherwise', async () => {
    let status = 200;
    const { session } = setup({
      [`GET ${ADMIN_ROUTES.session}`]: () => (status === 200 ? json(200, me) : apiError(401, 'no')),
    });
    await session.start();
    expect(await session.verify()).toBe(true);
    status = 401;
    expect(await session.verify()).toBe(false);
    expect(session.state()).toEqual({ status: 'signed-out', reason: 'ended' });
  });

  describe('with an OpenID provider', () => {
    const person: AdminSessionDto = { ...me, label: 'Ada Lovelace (ada@x.test)', kind: 'oidc' };
    const options = { tokenLogin: false, oidc: { providerName: 'Microsoft' } };

    function setupWithProvider(current: AdminSessionDto) {
      const navigate = vi.fn();
      const fake = fakeFetch({
        [`GET ${ADMIN_ROUTES.session}`]: () => json(200, current),
        [`GET ${ADMIN_ROUTES.authOptions}`]: () => json(200, options),
        [`POST ${ADMIN_ROUTES.logout}`]: () => new Response(null, { status: 204 }),
      });
      TestBed.configureTestingModule({
        providers: [
          { provide: FETCH, useValue: fake.fetch },
          { provide: NAVIGATE, useValue: navigate },
        ],
      });
      return { session: TestBed.inject(Session), navigate };
    }

    it('learns what the login screen offers', async () => {
      const { session } = setupWithProvider(person);
      await session.start();
      expect(session.options()).toEqual(options);
    });

    it('offers only the token when the options cannot be read', async () => {
      const { session } = setup({ [`GET ${ADMIN_ROUTES.session}`]: () => json(200, me) });
      await session.start();
      expect(session.options()).toEqual({ tokenLogin: true, oidc: null });
    });

    it("ends the provider's session too after a person's logout", async () => {
      const { session, navigate } = setupWithProvider(person);
      await session.start();
      expect(await session.logout()).toBe(true);
      expect(navigate).toHaveBeenCalledWith(ADMIN_ROUTES.oidcLogout);
    });

    it("does not leave the app after a device's (token) logout", async () => {
      const { session, navigate } = setupWithProvider(me);
      await session.start();
      expect(await session.logout()).toBe(true);
      expect(navigate).not.toHaveBeenCalled();
    });
  });
});
