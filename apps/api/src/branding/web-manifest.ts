import type { BrandingDto } from '@hubble/contracts';

/** The built-in look (the board's own icons and colour), used for whatever is not branded. */
const DEFAULT_THEME_COLOR = '#1f5f8b';
const DEFAULT_ICONS = [
  { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/badge-96.png', sizes: '96x96', type: 'image/png', purpose: 'monochrome' },
];

export interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose: string;
}

/** The board's web manifest for this café (name, short_name, theme_color, icons). */
export function webManifest(branding: BrandingDto): Record<string, unknown> {
  const brandIcon = branding.logoUrl ?? branding.faviconUrl;
  return {
    name: `${branding.name}: orders ready`,
    short_name: branding.shortName,
    description: `See the moment your order at ${branding.name} is ready.`,
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#fafaf7',
    theme_color: branding.primaryColor ?? DEFAULT_THEME_COLOR,
    categories: ['food', 'utilities'],
    icons: brandIcon ? [iconFor(brandIcon)] : DEFAULT_ICONS,
  };
}

function iconFor(src: string): ManifestIcon {
  const type = /\.svg(\?|$)/i.test(src)
    ? 'image/svg+xml'
    : /\.png(\?|$)/i.test(src)
      ? 'image/png'
      : /\.webp(\?|$)/i.test(src)
        ? 'image/webp'
        : undefined;
  return { src, sizes: 'any', ...(type && { type }), purpose: 'any' };
}
