import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import webpush from 'web-push';
import { AppConfig } from '../config';
import { PushRepository } from './push.repository';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The VAPID key pair that signs every push (RFC 8292). From VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY
 * when set; otherwise generated once and kept in the store, so every instance and every restart
 * signs with the same pair (browsers' subscriptions are bound to it). Never logged.
 */
@Injectable()
export class VapidKeysService implements OnApplicationBootstrap {
  private keys: VapidKeys | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: PushRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.keys = this.config.push.vapidKeys ?? (await this.storedOrGenerated());
  }

  get current(): VapidKeys {
    if (!this.keys) throw new Error('The VAPID keys are not loaded yet');
    return this.keys;
  }

  private async storedOrGenerated(): Promise<VapidKeys> {
    const stored = await this.repository.readVapid();
    if (!stored) {
      const generated = webpush.generateVAPIDKeys();
      await this.repository.storeVapidIfAbsent(
        generated.publicKey,
        generated.privateKey,
        Date.now(),
      );
    }
    const row = await this.repository.readVapid();
    if (!row) throw new Error('The VAPID key pair could not be stored');
    return { publicKey: row.public_key, privateKey: row.private_key };
  }
}
