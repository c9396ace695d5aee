import { Injectable } from '@nestjs/common';
import { BrandingService } from '../branding';
import { AppConfig } from '../config';
import type { NotificationLook } from './push-messages';

const DEFAULT_ICON = '/icons/icon-192.png';

/** The notification look, worked out once from the run-time branding. */
@Injectable()
export class PushNotificationLook {
  readonly look: NotificationLook;

  constructor(branding: BrandingService, config: AppConfig) {
    this.look = {
      icon: branding.branding.logoUrl ?? DEFAULT_ICON,
      brandName: config.branding.name ?? null,
    };
  }
}
