import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { isOrderNumber } from '@hubble/contracts';
import { BoardFeed } from '../feed/board-feed';
import { I18n } from '../i18n/i18n';
import { deviceStorage, STORAGE_KEYS } from '../storage';
import { Alerts } from './alerts';

interface SavedFollow {
  number: number;
  since: number;
}

/**
 * A followed number is forgotten after this long: receipt numbers come round again, and nobody
 * wants tomorrow's order 42 to ring their phone.
 */
export const FOLLOW_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * "Follow my order": the number from the customer's receipt, remembered on the device. When it
 * arrives on the board (or is called again) the phone vibrates, beeps if sound is on, and shows a
 * system notification if the customer allowed them.
 */
@Injectable({ providedIn: 'root' })
export class Following {
  private readonly feed = inject(BoardFeed);
  private readonly alerts = inject(Alerts);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);

  /** The followed order number, or null. */
  readonly number = signal<number | null>(restoreFollow());
  /** Whether the customer turned the sound on (remembered; needs a tap per page load). */
  readonly sound = signal(deviceStorage.read<boolean>(STORAGE_KEYS.sound) === true);
  readonly permission = signal(this.alerts.notificationPermission());
  /** The followed order is on the board now. */
  readonly ready = computed(() => {
    const number = this.number();
    return number !== null && this.feed.orders().some((order) => order.number === number);
  });

  constructor() {
    const unsubscribe = this.feed.onChanges((changes) => {
      const number = this.number();
      if (changes.some((c) => c.number === number && c.kind !== 'left')) this.alert(number!);
    });
    inject(DestroyRef).onDestroy(unsubscribe);
    if (this.sound()) {
      // The AudioContext may start only inside a gesture: take the first one on the page.
      const unlock = () => this.alerts.unlockSound();
      this.document.addEventListener('pointerdown', unlock, { once: true, capture: true });
      this.document.addEventListener('keydown', unlock, { once: true, capture: true });
    }
  }

  follow(number: number): void {
    this.number.set(number);
    deviceStorage.write(STORAGE_KEYS.follow, { number, since: Date.now() } satisfies SavedFollow);
  }

  stop(): void {
    this.number.set(null);
    deviceStorage.remove(STORAGE_KEYS.follow);
  }

  /** Call from a tap. */
  toggleSound(): void {
    const on = !this.sound() && this.alerts.unlockSound();
    this.sound.set(on);
    deviceStorage.write(STORAGE_KEYS.sound, on);
    if (on) this.alerts.beep('mine');
  }

  /** Call from a tap: browsers only ask for permission after one. */
  async enableNotifications(): Promise<void> {
    this.permission.set(await this.alerts.requestNotifications());
  }

  private alert(number: number): void {
    const t = this.i18n.t();
    this.alerts.vibrate();
    if (this.sound()) this.alerts.beep('mine');
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

function restoreFollow(): number | null {
  const saved = deviceStorage.read<SavedFollow>(STORAGE_KEYS.follow);
  if (!saved || !isOrderNumber(saved.number) || typeof saved.since !== 'number') return null;
  return Date.now() - saved.since < FOLLOW_TTL_MS ? saved.number : null;
}
