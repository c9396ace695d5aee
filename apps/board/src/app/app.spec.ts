import { TestBed } from '@angular/core/testing';
import { BOARD_EVENTS } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './app';
import { MESSAGES } from './i18n/messages';
import { STORAGE_KEYS } from './storage';
import { fakeBoardSocket, order, provideBoardSocket } from './testing/board-testing';

describe('App (board)', () => {
  let socket: ReturnType<typeof fakeBoardSocket>;

  async function render(url = '/') {
    history.replaceState(null, '', url);
    TestBed.configureTestingModule({ providers: [provideBoardSocket(socket)] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(STORAGE_KEYS.lang, JSON.stringify('en'));
    socket = fakeBoardSocket();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    history.replaceState(null, '', '/');
  });

  const tiles = (host: HTMLElement) =>
    [...host.querySelectorAll<HTMLElement>('li.tile')].map((li) => Number(li.dataset['number']));

  it('renders the heading, the follow form and the empty board', async () => {
    const { host } = await render();
    expect(host.querySelector('h1')?.textContent).toContain(MESSAGES.en.heading);
    expect(host.querySelector('app-follow-order form')).not.toBeNull();
    expect(host.querySelector('.empty')?.textContent).toContain(MESSAGES.en.empty);
  });

  it('shows orders by number, the followed one pinned on top, and announces arrivals', async () => {
    localStorage.setItem(STORAGE_KEYS.follow, JSON.stringify({ number: 5, since: Date.now() }));
    const { fixture, host } = await render();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [order(5, 1), order(6, 2)] });
    socket.receive(BOARD_EVENTS.created, { version: 2, order: order(8, 3) });
    await fixture.whenStable();

    expect(tiles(host)).toEqual([5, 6, 8]);
    expect(host.querySelector('li.tile.is-mine')?.getAttribute('data-number')).toBe('5');
    // Called just now: marked "new" (for a minute), the others not.
    expect(
      [...host.querySelectorAll<HTMLElement>('li.tile.is-fresh')].map((li) => li.dataset['number']),
    ).toEqual(['8']);
    expect(host.querySelector('li[data-number="8"] .tag')?.textContent).toContain(
      MESSAGES.en.newTag,
    );
    expect(host.querySelector('[aria-live="polite"]')?.textContent).toContain(
      MESSAGES.en.announceReady([8]),
    );
    expect(host.querySelector('li[data-number="8"]')?.className).toMatch(/pop-a/);

    socket.receive(BOARD_EVENTS.refreshed, { version: 3, order: order(5, 9) });
    await fixture.whenStable();
    expect(host.querySelector('[aria-live="polite"]')?.textContent).toContain(
      MESSAGES.en.announceMine(5),
    );
  });

  it('switches language at once and remembers the choice', async () => {
    const { fixture, host } = await render();
    host.querySelector<HTMLButtonElement>('button[lang="nl"]')!.click();
    await fixture.whenStable();
    expect(host.querySelector('h1')?.textContent).toContain(MESSAGES.nl.heading);
    expect(document.documentElement.lang).toBe('nl');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.lang)!)).toBe('nl');
  });

  it('in kiosk mode shows the grid without any input or followed order', async () => {
    localStorage.setItem(STORAGE_KEYS.follow, JSON.stringify({ number: 5, since: Date.now() }));
    const { fixture, host } = await render('/?mode=kiosk');
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [order(5, 1), order(6, 2)] });
    await fixture.whenStable();
    expect(host.querySelector('input')).toBeNull();
    expect(host.querySelector('hubble-language-switch')).toBeNull();
    expect(host.querySelector('.is-mine')).toBeNull();
    expect(tiles(host)).toEqual([5, 6]);
    expect(host.classList).toContain('is-kiosk');
    // Nobody touches a kiosk: no chime button unless asked for and blocked.
    expect(host.querySelector('button')).toBeNull();
    expect(host.querySelector('app-kiosk')?.getAttribute('data-chime')).toBe('off');
  });
});
