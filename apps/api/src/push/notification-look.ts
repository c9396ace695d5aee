import { Injectable } from '@nestjs/common';
import { BrandingService } from '../branding';
import { AppConfig } from '../config';

const DEFAULT_ICON = '/icons/icon-192.png';

/** How the café's notifications look. */
export interface NotificationLook {
  /** The café's logo (BRAND_LOGO_URL or its file in DATA_DIR), else the app icon. */
  icon: string;
  /** BRAND_NAME, put before each title; null for the built-in look. */
  brandName: string | null;
}

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
