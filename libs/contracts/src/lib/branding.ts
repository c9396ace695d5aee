/**
 * The café's own look, set at run time (BRAND_* settings) and served by `GET /api/branding`.
 * Every field is null when unset: the apps then keep their built-in look.
 */
export interface BrandingDto {
  /** The café's name for headers, titles, the manifest and notifications. */
  name: string;
  /** Short name for the home screen (the manifest's short_name). */
  shortName: string;
  /** A logo image URL (absolute, or a path on this server), or null. */
  logoUrl: string | null;
  faviconUrl: string | null;
  /** `#rrggbb` backgrounds, each with the text colour that keeps WCAG AA contrast on it. */
  primaryColor: string | null;
  primaryTextColor: string | null;
  accentColor: string | null;
  accentTextColor: string | null;
  /** Where customers open the board (PUBLIC_URL, exactly as configured), or null when unset. */
  publicUrl: string | null;
}

export const BRANDING_ROUTES = {
  /** GET (public) → BrandingDto. */
  branding: '/api/branding',
  /** The board's web manifest, built from the branding (served by the API, not the build). */
  manifest: '/manifest.webmanifest',
  /** The logo when it is a file in DATA_DIR (BRAND_LOGO_URL unset, DATA_DIR/brand-logo.*). */
  logoFile: '/api/branding/logo',
} as const;

export const DEFAULT_BRAND_NAME = 'Hubble café';

/** WCAG AA for normal text. */
export const WCAG_AA_CONTRAST = 4.5;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. Every sRGB colour reaches at least
 * 4.58:1 with one of the two, so text on a brand colour always meets WCAG AA.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}
