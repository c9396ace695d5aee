import { DOCUMENT, inject, Injectable } from '@angular/core';
import { SwPush } from '@angular/service-worker';
import { firstValueFrom } from 'rxjs';
import { PUSH_ROUTES, type PushPublicKeyDto, type PushSubscriptionJson } from '@hubble/contracts';
import { deviceStorage, STORAGE_KEYS } from '../storage';

/**
 * Web Push for the followed number: with notifications allowed, the board subscribes through
 * Angular's service worker and tells the server which number to push for, so the phone buzzes
 * even with the page closed or the screen locked. The endpoint is kept on the device so that
 * "Stop following" can withdraw it after a reload.
 */
@Injectable({ providedIn: 'root' })
export class FollowPush {
  private readonly swPush = inject(SwPush, { optional: true });
  private readonly window = inject(DOCUMENT).defaultView;

  get available(): boolean {
    return this.swPush?.isEnabled === true && !!this.window && 'PushManager' in this.window;
  }

  /** Subscribes (or moves the subscription to `number`); quietly does nothing where it can't. */
  async follow(number: number, lang: string): Promise<void> {
    if (!this.available || this.window?.Notification?.permission !== 'granted') return;
    try {
      await this.withdraw();
      const key = (await (await fetch(PUSH_ROUTES.publicKey)).json()) as PushPublicKeyDto;
      const subscription = await this.swPush!.requestSubscription({
        serverPublicKey: key.publicKey,
      });
      await this.register(number, subscription, lang);
    } catch (error) {
      console.warn('Push notifications are not available here', error);
    }
  }

  /**
   * The customer switched language: the subscription the server holds gets the new one, so the
   * next push speaks it. Nothing to do when this device has no subscription.
   */
  async changeLanguage(number: number, lang: string): Promise<void> {
    if (!this.available || typeof deviceStorage.read(STORAGE_KEYS.pushEndpoint) !== 'string')
      return;
    try {
      const subscription = await firstValueFrom(this.swPush!.subscription);
      if (subscription) await this.register(number, subscription, lang);
    } catch (error) {
      console.warn('Could not update the notification language', error);
    }
  }

  /** Sends the subscription for `number` (the server replaces the one with the same endpoint). */
  private async register(number: number, subscription: PushSubscription, lang: string) {
    const json = subscription.toJSON() as PushSubscriptionJson;
    const response = await fetch(PUSH_ROUTES.subscriptions, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderNumber: number, subscription: json, lang }),
    });
    if (response.ok) deviceStorage.write(STORAGE_KEYS.pushEndpoint, json.endpoint);
  }

  /** Tells the server to stop pushing to this device. */
  async withdraw(): Promise<void> {
    const endpoint = deviceStorage.read<string>(STORAGE_KEYS.pushEndpoint);
    if (typeof endpoint !== 'string') return;
    deviceStorage.remove(STORAGE_KEYS.pushEndpoint);
    try {
      await fetch(PUSH_ROUTES.subscriptions, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ endpoint }),
      });
    } catch {
      // Offline: the server forgets it by itself after 12 hours.
    }
  }
}
