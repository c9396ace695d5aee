import {
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
  Injectable,
  signal,
  untracked,
} from '@angular/core';
import { BoardFeed } from '../feed/board-feed';
import { I18n } from '../i18n/i18n';
import { deviceStorage, STORAGE_KEYS } from '../storage';
import { AlertRepeat } from './alert-repeat';
import { Alerts } from './alerts';
import {
  called,
  cardState,
  type FollowCardState,
  type FollowRecord,
  isForgotten,
  left,
  newFollow,
  parseFollow,
  seenOnBoard,
} from './follow-record';
import { FollowPush } from './follow-push';
import { ScreenWakeLock } from './screen-wake-lock';

export { FOLLOW_TTL_MS } from './follow-record';

/** `locked`: the customer wants sound, but the browser lets it play only after a tap. */
export type SoundState = 'off' | 'locked' | 'on';

/** How often the card re-checks the follow memory (12 h) while the page is open. */
const CLOCK_TICK_MS = 60_000;

/**
 * "Follow my order": the number from the customer's receipt and what happened to it, remembered
 * on the device. When it is called the phone vibrates, beeps if sound is on, shows a notification
 * (and gets a Web Push when the page is closed), and repeats the alert until "Got it"; the card
 * then says truthfully whether it was picked up, timed out, or left unseen.
 */
@Injectable({ providedIn: 'root' })
export class Following {
  private readonly feed = inject(BoardFeed);
  private readonly alerts = inject(Alerts);
  private readonly i18n = inject(I18n);
  private readonly push = inject(FollowPush);
  private readonly wakeLock = inject(ScreenWakeLock);
  private readonly document = inject(DOCUMENT);
  private readonly repeat = new AlertRepeat();
  private readonly clock = signal(Date.now());

  /** What is remembered about the followed order, or null. */
  readonly record = signal<FollowRecord | null>(
    parseFollow(deviceStorage.read(STORAGE_KEYS.follow)),
  );
  /** The followed order number, or null. */
  readonly number = computed(() => this.record()?.number ?? null);
  /** Whether the customer turned the sound on (remembered; needs a tap per page load). */
  readonly sound = signal(deviceStorage.read<boolean>(STORAGE_KEYS.sound) === true);
  private readonly audioUnlocked = signal(false);
  readonly soundState = computed<SoundState>(() =>
    !this.sound() ? 'off' : this.audioUnlocked() ? 'on' : 'locked',
  );
  readonly permission = signal(this.alerts.notificationPermission());

  private readonly onBoard = computed(() => {
    const number = this.number();
    return this.feed.orders().find((order) => order.number === number);
  });
  /** What the card says; null when nothing is followed. */
  readonly state = computed<FollowCardState | null>(() => {
    const record = this.record();
    if (!record) return null;
    return cardState(record, !!this.onBoard(), this.clock(), this.feed.status() === 'live');
  });
  /** The followed order is on the board now. */
  readonly ready = computed(() => this.state() === 'ready' || this.state() === 'again');

  constructor() {
    const unsubscribe = this.feed.onChanges((changes) => {
      const record = this.record();
      if (!record || isForgotten(record, Date.now())) return;
      for (const change of changes) {
        if (change.number !== record.number) continue;
        if (change.kind === 'left') {
          const removal = this.feed.removal(record.number);
          this.update((r) =>
            left(
              r,
              removal && { reason: removal.removedReason, at: Date.parse(removal.removedAt) },
              Date.now(),
            ),
          );
          this.repeat.stop();
        } else {
          this.update((r) => called(r, Date.now()));
          this.alert(record.number, true);
          this.repeat.start(() => this.alert(record.number, false));
        }
      }
    });
    // Found on the board without having seen the call (followed late, or reloaded meanwhile).
    effect(() => {
      const order = this.onBoard();
      if (order) untracked(() => this.update((r) => seenOnBoard(r, Date.parse(order.createdAt))));
    });
    effect(() => this.wakeLock.hold(this.ready()));
    effect(() => {
      if (this.state() === 'forgotten') untracked(() => void this.push.withdraw());
    });
    let pushLang = this.i18n.lang();
    effect(() => {
      const lang = this.i18n.lang();
      if (lang === pushLang) return;
      pushLang = lang;
      const number = untracked(this.number);
      if (number !== null) untracked(() => void this.push.changeLanguage(number, lang));
    });
    const tick = setInterval(() => this.clock.set(Date.now()), CLOCK_TICK_MS);
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => {
      unsubscribe();
      clearInterval(tick);
      this.repeat.stop();
    });
    if (this.sound()) {
      // The AudioContext may start only inside a gesture: take the first one on the page.
      const unlock = () => this.audioUnlocked.set(this.alerts.unlockSound());
      this.document.addEventListener('pointerdown', unlock, { once: true, capture: true });
      this.document.addEventListener('keydown', unlock, { once: true, capture: true });
    }
  }

  follow(number: number): void {
    this.repeat.stop();
    this.record.set(newFollow(number, Date.now()));
    this.save();
    void this.push.follow(number, this.i18n.lang());
  }

  stop(): void {
    this.repeat.stop();
    this.record.set(null);
    deviceStorage.remove(STORAGE_KEYS.follow);
    void this.push.withdraw();
  }

  /** "Got it": the customer has seen the call; stop repeating the alert. */
  acknowledge(): void {
    this.repeat.stop();
    this.update((record) => ({ ...record, acknowledged: true }));
  }

  /** Whether the repeating alert is running (for the card and for tests). */
  get repeating(): boolean {
    return this.repeat.running;
  }

  /** Call from a tap: off → on, "tap to turn on" → on, on → off. */
  toggleSound(): void {
    if (this.soundState() === 'on') {
      this.sound.set(false);
    } else {
      const unlocked = this.alerts.unlockSound();
      this.audioUnlocked.set(unlocked);
      this.sound.set(unlocked);
      if (unlocked) this.alerts.beep('mine');
    }
    deviceStorage.write(STORAGE_KEYS.sound, this.sound());
  }

  /** Call from a tap: browsers only ask for permission after one. */
  async enableNotifications(): Promise<void> {
    this.permission.set(await this.alerts.requestNotifications());
    const number = this.number();
    if (this.permission() === 'granted' && number !== null) {
      await this.push.follow(number, this.i18n.lang());
    }
  }

  private update(change: (record: FollowRecord) => FollowRecord): void {
    const record = this.record();
    if (!record) return;
    const next = change(record);
    if (next === record) return;
    this.record.set(next);
    this.save();
  }

  private save(): void {
    deviceStorage.write(STORAGE_KEYS.follow, this.record());
  }

  private alert(number: number, notify: boolean): void {
    this.alerts.vibrate();
    if (this.soundState() === 'on') this.alerts.beep('mine');
    if (!notify) return;
    const t = this.i18n.t();
    // Read again: the customer may have changed it in the browser settings meanwhile.
    this.permission.set(this.alerts.notificationPermission());
    void this.alerts.notify(
      t.notificationTitle,
      t.notificationBody(number),
      `order-${number}`,
      this.i18n.lang(),
    );
  }
}
