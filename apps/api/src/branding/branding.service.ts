import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import {
  BRANDING_ROUTES,
  type BrandingDto,
  DEFAULT_BRAND_NAME,
  textColorOn,
} from '@hubble/contracts';
import { AppConfig } from '../config';

/** A logo dropped into DATA_DIR under one of these names is used when BRAND_LOGO_URL is unset. */
export const LOGO_FILE_NAMES = ['brand-logo.svg', 'brand-logo.png', 'brand-logo.webp'] as const;

const SHORT_NAME_LENGTH = 12;
/** The built-in home-screen label. */
const DEFAULT_SHORT_NAME = 'Hubble';

/** The café's look as the apps and the manifest need it, worked out once at start. */
@Injectable()
export class BrandingService {
  readonly branding: BrandingDto;
  /** The logo file in DATA_DIR, when that is where the logo comes from. */
  readonly logoFile: string | undefined;

  constructor(config: AppConfig) {
    const { name, logoUrl, faviconUrl, primaryColor, accentColor } = config.branding;
    this.logoFile = logoUrl
      ? undefined
      : LOGO_FILE_NAMES.map((file) => join(config.dataDir, file)).find((path) => existsSync(path));
    const brandName = name ?? DEFAULT_BRAND_NAME;
    this.branding = {
      name: brandName,
      shortName: name ? shortName(name) : DEFAULT_SHORT_NAME,
      logoUrl: logoUrl ?? (this.logoFile ? BRANDING_ROUTES.logoFile : null),
      faviconUrl: faviconUrl ?? null,
      primaryColor: primaryColor ?? null,
      primaryTextColor: primaryColor ? textColorOn(primaryColor) : null,
      accentColor: accentColor ?? null,
      accentTextColor: accentColor ? textColorOn(accentColor) : null,
      publicUrl: config.boardAddress ?? null,
    };
  }
}

/** The first word(s) that fit a home screen label. */
function shortName(name: string): string {
  if (name.length <= SHORT_NAME_LENGTH) return name;
  const words = name.split(/\s+/);
  let short = words[0] ?? name;
  for (const word of words.slice(1)) {
    if (`${short} ${word}`.length > SHORT_NAME_LENGTH) break;
    short = `${short} ${word}`;
  }
  return short.slice(0, SHORT_NAME_LENGTH);
}
