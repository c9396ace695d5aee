import { FOLLOW_MESSAGES } from '../follow/follow-messages';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { BOARD_EVENTS } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardFeed } from '../feed/board-feed';
import { MESSAGES } from '../i18n/messages';
import { STORAGE_KEYS } from '../storage';
import { fakeBoardSocket, order, provideBoardSocket } from '../testing/board-testing';
import { FollowOrder } from './follow-order';

const en = MESSAGES.en;

describe('FollowOrder', () => {
  let socket: ReturnType<typeof fakeBoardSocket>;
  let fixture: ComponentFixture<FollowOrder>;
  let host: HTMLElement;

  async function render(): Promise<void> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideBoardSocket(socket)] });
    TestBed.inject(BoardFeed).start();
    fixture = TestBed.createComponent(FollowOrder);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    localStorage.setItem(STORAGE_KEYS.lang, JSON.stringify('en'));
    socket = fakeBoardSocket();
    await render();
  });

  afterEach(() => TestBed.resetTestingModule());

  const input = () => host.querySelector<HTMLInputElement>('input#follow-order-number')!;
  const error = () => host.querySelector('#follow-order-error');

  async function type(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    host
      .querySelector('form')!
      .dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    await fixture.whenStable();
  }

  it('renders a labelled order number field with a hint and no error before any input', () => {
    expect(host.querySelector('h2')?.textContent).toContain(en.followTitle);
    expect(host.querySelector('label[for="follow-order-number"]')?.textContent).toContain(
      en.followLabel,
    );
    expect(input().getAttribute('aria-describedby')).toBe('follow-order-hint');
    expect(error()).toBeNull();
  });

  it.each(['abc', '0', '100000', '-5', '4.2', ' 42'])(
    'words the shared rule kindly for %j',
    async (text) => {
      await type(text);
      expect(error()?.textContent?.trim()).toBe(en.errorInvalid);
      expect(input().getAttribute('aria-invalid')).toBe('true');
      expect(input().getAttribute('aria-describedby')).toBe('follow-order-error');
    },
  );

  it('asks for the receipt number when the field is submitted empty', async () => {
    await submit();
    expect(error()?.textContent?.trim()).toBe(en.errorEmpty);
    expect(host.querySelector('.following')).toBeNull();
  });

  it('follows a valid number, remembers it, and keeps following after a reload', async () => {
    await type('0042');
    await submit();
    expect(host.querySelector('#follow-number')?.textContent).toBe('42');
    expect(host.querySelector('.state')?.textContent).toContain(
      FOLLOW_MESSAGES.en.state.waiting(42, ''),
    );
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.follow)!)).toMatchObject({ number: 42 });

    await render();
    expect(host.querySelector('#follow-number')?.textContent).toBe('42');
  });

  it('says the order is ready when it is on the board', async () => {
    await type('7');
    await submit();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [order(7)] });
    await fixture.whenStable();
    expect(host.querySelector('.following')?.classList).toContain('is-ready');
    expect(host.querySelector('.state')?.textContent).toContain(en.ready);
  });

  it('stops following and shows the empty field again', async () => {
    await type('9');
    await submit();
    const stop = [...host.querySelectorAll('button')].find((b) =>
      b.textContent?.includes(en.stopFollowing),
    )!;
    stop.click();
    await fixture.whenStable();
    expect(host.querySelector('.following')).toBeNull();
    expect(input().value).toBe('');
    expect(localStorage.getItem(STORAGE_KEYS.follow)).toBeNull();
  });
});
