import { TestBed } from '@angular/core/testing';
import { ADMIN_ROUTES } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FETCH } from '../api/admin-api';
import { I18n } from '../i18n/i18n';
import { Session } from '../session/session';
import { apiError, fakeFetch, type Route } from '../testing/fake-fetch';
import { Login } from './login';

describe('Login', () => {
  async function render(routes: Record<string, Route>, lang: 'en' | 'nl' = 'en') {
    const fake = fakeFetch({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
      ...routes,
    });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fake.fetch }] });
    TestBed.inject(I18n).use(lang);
    await TestBed.inject(Session).start();
    const fixture = TestBed.createComponent(Login);
    const host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const submit = async (token: string) => {
      const input = host.querySelector<HTMLInputElement>('#login-token')!;
      input.value = token;
      input.dispatchEvent(new Event('input'));
      host.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await vi.waitFor(() => expect(fixture.componentInstance['busy']()).toBe(false));
      await fixture.whenStable();
    };
    return { fixture, host, submit, calls: fake.calls };
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.useRealTimers();
    TestBed.resetTestingModule();
  });

  const error = (host: HTMLElement) => host.querySelector('#login-error')?.textContent?.trim();

  it('asks for the token before calling the API', async () => {
    const { host, submit, calls } = await render({});
    await submit('   ');
    expect(error(host)).toContain('Type or paste the token.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says clearly that a wrong token is wrong', async () => {
    const { host, submit } = await render({
      [`POST ${ADMIN_ROUTES.login}`]: () => apiError(401, 'Invalid token'),
    });
    await submit('not-the-token');
    expect(error(host)).toContain('That token is not right.');
    expect(host.querySelector('#login-token')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('says "too many attempts" on 429 and waits before the next try', async () => {
    const { host, submit, fixture } = await render(
      {
        [`POST ${ADMIN_ROUTES.login}`]: () =>
          apiError(429, 'Too Many Requests', { 'Retry-After': '2' }),
      },
      'nl',
    );
    await submit('x');
    expect(error(host)).toContain('Te veel pogingen. Probeer het over een minuut opnieuw.');
    expect(error(host)).toContain('over 2 s');
    const button = host.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).toBe(true);
    await vi.waitFor(
      async () => {
        await fixture.whenStable();
        expect(button.disabled).toBe(false);
      },
      { timeout: 4000 },
    );
    expect(error(host)).toBeUndefined();
  });

  it('explains a refused login link', async () => {
    history.replaceState(null, '', '/admin/?login=invalid-link');
    const { host } = await render({});
    expect(host.querySelector('.notice')?.textContent).toContain(
      'That login link is not valid (any more).',
    );
    history.replaceState(null, '', '/');
  });

  it('shows and hides the token on request', async () => {
    const { host, fixture } = await render({});
    const input = host.querySelector<HTMLInputElement>('#login-token')!;
    expect(input.type).toBe('password');
    host.querySelector<HTMLButtonElement>('button.reveal')!.click();
    await fixture.whenStable();
    expect(input.type).toBe('text');
  });

  describe('with an OpenID provider', () => {
    const options = (tokenLogin: boolean) => ({
      [`GET ${ADMIN_ROUTES.authOptions}`]: () =>
        new Response(JSON.stringify({ tokenLogin, oidc: { providerName: 'Microsoft' } }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    });

    it('offers "Sign in with <provider>" as a plain link, and the token below it', async () => {
      const { host } = await render(options(true));
      const link = host.querySelector<HTMLAnchorElement>('a.provider');
      expect(link?.textContent?.trim()).toBe('Sign in with Microsoft');
      expect(link?.getAttribute('href')).toBe(ADMIN_ROUTES.oidcLogin);
      expect(host.querySelector('#login-token')).not.toBeNull();
    });

    it('hides the token field when token login is switched off', async () => {
      const { host } = await render(options(false), 'nl');
      expect(host.querySelector('a.provider')?.textContent?.trim()).toBe('Inloggen met Microsoft');
      expect(host.querySelector('#login-token')).toBeNull();
      expect(host.querySelector('form')).toBeNull();
    });
  });
});
