import { TestBed } from '@angular/core/testing';
import { ADMIN_EVENTS, ADMIN_ROUTES } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FETCH } from './api/admin-api';
import { App } from './app';
import { DESK_SOCKET } from './desk/desk-socket';
import { I18n } from './i18n/i18n';
import { FakeDeskSocket } from './testing/fake-desk-socket';
import { apiError, fakeFetch, json, type Route } from './testing/fake-fetch';
import { order, snapshot } from './testing/fixtures';

describe('App (back-office)', () => {
  let socket: FakeDeskSocket;

  async function render(routes: Record<string, Route>) {
    const fake = fakeFetch(routes);
    TestBed.configureTestingModule({
      providers: [
        { provide: FETCH, useValue: fake.fetch },
        { provide: DESK_SOCKET, useValue: () => socket },
      ],
    });
    TestBed.inject(I18n).use('en');
    const fixture = TestBed.createComponent(App);
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 5; i++) {
        await fixture.whenStable();
        await new Promise((resolve) => setTimeout(resolve));
      }
    };
    await settle();
    return { fixture, host, settle, calls: fake.calls };
  }

  beforeEach(() => {
    localStorage.clear();
    socket = new FakeDeskSocket();
  });
  afterEach(() => TestBed.resetTestingModule());

  it('shows the login screen without a session', async () => {
    const { host } = await render({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
    });
    expect(host.querySelector('h1')?.textContent).toContain('Staff login');
    expect(host.querySelector('input#login-token')).not.toBeNull();
    expect(host.querySelector('app-desk')).toBeNull();
    expect(socket.connects).toBe(0);
  });

  it('logs in and shows the live desk; logging out shows the login screen again', async () => {
    const me = { label: 'Tablet · 3f9a', expiresAt: '2026-01-15T12:00:00.000Z', kind: 'token' };
    const { host, settle } = await render({
      [`GET ${ADMIN_ROUTES.session}`]: () => apiError(401, 'Unauthorized'),
      [`POST ${ADMIN_ROUTES.login}`]: () => json(200, me),
      [`POST ${ADMIN_ROUTES.logout}`]: () => new Response(null, { status: 204 }),
    });
    const input = host.querySelector<HTMLInputElement>('#login-token')!;
    input.value = 'a-valid-token-of-length';
    input.dispatchEvent(new Event('input'));
    host.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();

    expect(host.querySelector('app-desk')).not.toBeNull();
    expect(socket.connects).toBe(1);
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.snapshot, snapshot({ version: 1, active: [order(42)] }));
    await settle();
    // The tile's accessible name comes from its content and starts with what it does.
    expect(
      host.querySelector('[data-order="42"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toMatch(/^Remove order 42, 5:00 left, 5:00 ?Desk, ?Aurora/);
    expect(host.textContent).toContain('This device: Tablet · 3f9a');

    // Logging out asks first: nothing happens until the dialog's "Yes, log out".
    const dialog = host.querySelector<HTMLDialogElement>('app-logout-button dialog')!;
    // jsdom has no modal dialogs: open and close are enough here.
    dialog.showModal ??= () => dialog.setAttribute('open', '');
    dialog.close ??= () => dialog.removeAttribute('open');
    host.querySelector<HTMLButtonElement>('button.logout')!.click();
    await settle();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(host.querySelector('app-desk')).not.toBeNull();
    dialog.querySelector<HTMLButtonElement>('button.go')!.click();
    await settle();
    expect(host.querySelector('app-desk')).toBeNull();
    expect(socket.closed).toBe(true);
    expect(host.textContent).toContain('You are logged out.');
  });

  it('goes back to the login screen when the session ends elsewhere', async () => {
    const { host, settle } = await render({
      [`GET ${ADMIN_ROUTES.session}`]: () =>
        json(200, { label: 'Phone · 1a2b', expiresAt: '2026-01-15T12:00:00.000Z', kind: 'token' }),
    });
    expect(host.querySelector('app-desk')).not.toBeNull();
    socket.serverAccepts();
    socket.receive(ADMIN_EVENTS.sessionEnded);
    await settle();
    expect(host.querySelector('app-desk')).toBeNull();
    expect(host.textContent).toContain('Your session has ended.');
  });
});
