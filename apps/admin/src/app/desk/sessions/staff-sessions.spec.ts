import { TestBed } from '@angular/core/testing';
import { ADMIN_ROUTES, type StaffSessionDto } from '@hubble/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FETCH } from '../../api/admin-api';
import { I18n } from '../../i18n/i18n';
import { fakeFetch, json, offline } from '../../testing/fake-fetch';
import { StaffSessions } from './staff-sessions';

const sessions: StaffSessionDto[] = [
  {
    id: '00112233445566aa',
    label: 'Ada Lovelace (ada@x.test)',
    kind: 'oidc',
    createdAt: '2026-01-15T11:00:00.000Z',
    expiresAt: '2026-01-29T11:00:00.000Z',
    current: false,
  },
  {
    id: '00112233445566bb',
    label: 'iPad · 3f9a',
    kind: 'token',
    createdAt: '2026-01-15T10:00:00.000Z',
    expiresAt: '2026-01-29T10:00:00.000Z',
    current: true,
  },
];

describe('StaffSessions', () => {
  afterEach(() => TestBed.resetTestingModule());

  async function render(routes: Parameters<typeof fakeFetch>[0]) {
    const fake = fakeFetch(routes);
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fake.fetch }] });
    TestBed.inject(I18n).use('en');
    const fixture = TestBed.createComponent(StaffSessions);
    const host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    return { fixture, host, calls: fake.calls };
  }

  it('lists who is signed in when opened, and ends another session', async () => {
    let list = sessions;
    const { host, calls, fixture } = await render({
      [`GET ${ADMIN_ROUTES.sessions}`]: () => json(200, list),
      [`DELETE ${ADMIN_ROUTES.sessions}/00112233445566aa`]: () => {
        list = sessions.slice(1);
        return new Response(null, { status: 204 });
      },
    });
    expect(host.querySelector('li')).toBeNull();
    host.querySelector<HTMLButtonElement>('.toggle')!.click();
    await vi.waitFor(() => expect(host.querySelectorAll('li')).toHaveLength(2));
    expect(host.textContent).toContain('Ada Lovelace (ada@x.test)');
    expect(host.textContent).toContain('this device');
    const end = host.querySelector<HTMLButtonElement>('button.end')!;
    expect(end.getAttribute('aria-label')).toBe('End the session of Ada Lovelace (ada@x.test)');
    expect(host.querySelectorAll('button.end')).toHaveLength(1); // never this device's own
    end.click();
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(host.querySelectorAll('li')).toHaveLength(1);
    });
    expect(calls.map((call) => `${call.method} ${call.path}`)).toContain(
      `DELETE ${ADMIN_ROUTES.sessions}/00112233445566aa`,
    );
  });

  it('says so when the list cannot be loaded', async () => {
    const { host } = await render({ [`GET ${ADMIN_ROUTES.sessions}`]: () => offline() });
    host.querySelector<HTMLButtonElement>('.toggle')!.click();
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull());
    expect(host.textContent).toContain('Could not load or end the sessions.');
  });
});
