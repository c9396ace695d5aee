import { TestBed } from '@angular/core/testing';
import { BOARD_EVENTS } from '@hubble/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardFeed } from '../feed/board-feed';
import { STORAGE_KEYS } from '../storage';
import { fakeBoardSocket, order, provideBoardSocket } from '../testing/board-testing';
import { I18n } from '../i18n/i18n';
import { Alerts } from './alerts';
import { FollowPush } from './follow-push';
import { FOLLOW_TTL_MS, Following } from './following';

/** Records what would reach the customer instead of vibrating, beeping or notifying. */
/** Records what the server would be told about this device's push subscription. */
class RecordingPush {
  readonly calls: string[] = [];
  follow = async (number: number, lang: string) => void this.calls.push(`follow ${number} ${lang}`);
  changeLanguage = async (number: number, lang: string) =>
    void this.calls.push(`language ${number} ${lang}`);
  withdraw = async () => void this.calls.push('withdraw');
}

class RecordingAlerts {
  readonly calls: string[] = [];
  unlockSound = () => true;
  beep = (kind: string) => void this.calls.push(`beep ${kind}`);
  vibrate = () => void this.calls.push('vibrate');
  notificationPermission = () => 'granted' as const;
  requestNotifications = async () => 'granted' as const;
  notify = async (title: string, body: string, tag: string) =>
    void this.calls.push(`notify ${tag}: ${title} / ${body}`);
}

describe('Following', () => {
  let socket: ReturnType<typeof fakeBoardSocket>;
  let alerts: RecordingAlerts;
  let push: RecordingPush;

  function start(): Following {
    TestBed.configureTestingModule({
      providers: [
        provideBoardSocket(socket),
        { provide: Alerts, useValue: alerts },
        { provide: FollowPush, useValue: push },
      ],
    });
    const following = TestBed.inject(Following);
    TestBed.inject(BoardFeed).start();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 1, orders: [order(3)] });
    return following;
  }

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(STORAGE_KEYS.lang, JSON.stringify('en'));
    socket = fakeBoardSocket();
    alerts = new RecordingAlerts();
    push = new RecordingPush();
  });

  it("moves the push subscription to the customer's new language while following", () => {
    const following = start();
    const i18n = TestBed.inject(I18n);
    TestBed.tick();
    i18n.use('nl');
    TestBed.tick();
    expect(push.calls).toEqual([]); // nothing followed: no subscription to update

    following.follow(42);
    i18n.use('en');
    TestBed.tick();
    i18n.use('nl');
    TestBed.tick();
    following.stop();
    i18n.use('en');
    TestBed.tick();
    expect(push.calls).toEqual(['follow 42 nl', 'language 42 en', 'language 42 nl', 'withdraw']);
  });

  afterEach(() => TestBed.resetTestingModule());

  it('vibrates and notifies when the followed number arrives and when it is called again', () => {
    const following = start();
    following.follow(42);
    socket.receive(BOARD_EVENTS.created, { version: 2, order: order(41) });
    expect(alerts.calls).toEqual([]);

    socket.receive(BOARD_EVENTS.created, { version: 3, order: order(42) });
    expect(following.ready()).toBe(true);
    expect(alerts.calls).toEqual([
      'vibrate',
      'notify order-42: Your order is ready / Order 42 is waiting for you at the counter.',
    ]);

    socket.receive(BOARD_EVENTS.refreshed, { version: 4, order: order(42, 90) });
    expect(alerts.calls).toHaveLength(4);

    const removal = {
      ...order(42, 90),
      removedAt: order(42, 95).createdAt,
      removedReason: 'staff',
    };
    socket.receive(BOARD_EVENTS.removed, { version: 5, order: removal });
    expect(following.ready()).toBe(false);
    expect(alerts.calls).toHaveLength(4);
  });

  it('beeps too once the customer turned sound on, and remembers that', () => {
    const following = start();
    following.follow(42);
    following.toggleSound();
    expect(alerts.calls).toEqual(['beep mine']);
    expect(localStorage.getItem(STORAGE_KEYS.sound)).toBe('true');

    socket.receive(BOARD_EVENTS.created, { version: 2, order: order(42) });
    expect(alerts.calls).toContain('beep mine');
    expect(alerts.calls.filter((c) => c === 'beep mine')).toHaveLength(2);
  });

  it('alerts for a followed number that arrived while the connection was down', () => {
    const following = start();
    following.follow(42);
    socket.lose();
    socket.serverAccepts();
    socket.receive(BOARD_EVENTS.snapshot, { version: 9, orders: [order(3), order(42)] });
    expect(alerts.calls[0]).toBe('vibrate');
  });

  it('forgets a followed number after 12 hours', () => {
    localStorage.setItem(
      STORAGE_KEYS.follow,
      JSON.stringify({ number: 42, since: Date.now() - FOLLOW_TTL_MS - 1 }),
    );
    expect(start().state()).toBe('forgotten');
    TestBed.resetTestingModule();

    localStorage.setItem(
      STORAGE_KEYS.follow,
      JSON.stringify({ number: 42, since: Date.now() - FOLLOW_TTL_MS + 60_000 }),
    );
    expect(start().state()).toBe('waiting');
  });

  it('tells the truth after the call: picked up, called again, missed, and after a reload', () => {
    let following = start();
    following.follow(42);
    expect(following.state()).toBe('waiting');
    socket.receive(BOARD_EVENTS.created, { version: 2, order: order(42) });
    expect(following.state()).toBe('ready');
    expect(following.repeating).toBe(true);
    socket.receive(BOARD_EVENTS.refreshed, { version: 3, order: order(42, 90) });
    expect(following.state()).toBe('again');
    following.acknowledge();
    expect(following.repeating).toBe(false);
    const removedAt = new Date(Date.UTC(2026, 10, 24, 21, 3)).toISOString();
    socket.receive(BOARD_EVENTS.removed, {
      version: 4,
      order: { ...order(42, 90), removedAt, removedReason: 'expired' },
    });
    expect(following.state()).toBe('missed');
    expect(following.record()?.outcome?.kind).toBe('missed');

    TestBed.resetTestingModule(); // a reload: the device remembers
    socket = fakeBoardSocket();
    following = start();
    expect(following.state()).toBe('missed');

    socket.receive(BOARD_EVENTS.created, { version: 2, order: order(42, 200) });
    expect(following.state()).toBe('ready');
    socket.receive(BOARD_EVENTS.removed, {
      version: 3,
      order: { ...order(42, 200), removedAt, removedReason: 'staff' },
    });
    expect(following.state()).toBe('collected');
  });

  it('says "tap to turn sound on" after a reload until a tap unlocks audio', () => {
    localStorage.setItem(STORAGE_KEYS.sound, 'true');
    const following = start();
    expect(following.soundState()).toBe('locked');
    document.dispatchEvent(new Event('pointerdown'));
    expect(following.soundState()).toBe('on');
    following.toggleSound();
    expect(following.soundState()).toBe('off');
  });
});
