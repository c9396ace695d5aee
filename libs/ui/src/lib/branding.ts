import { BRANDING_ROUTES, type BrandingDto } from '@hubble/contracts';
import { deviceStorage } from './device-storage';

const STORAGE_KEY = 'hubble.branding';

/**
 * The café's look (`GET /api/branding`) applied to a page at run time: CSS custom properties
 * (set through the CSSOM, which a strict CSP allows), the title, the theme colour and the favicon.
 * The last one fetched is kept on the device, so a page opened offline keeps the café's look.
 */
export class PageBranding {
  private current: BrandingDto | null = deviceStorage.read<BrandingDto>(STORAGE_KEY);

  constructor(
    private readonly document: Document,
    /** The page title for a café name, e.g. "De Zwaan: orders ready". */
    private readonly titleOf: (name: string) => string,
    private readonly onChange: (branding: BrandingDto | null) => void = () => undefined,
  ) {
    if (this.current) this.apply(this.current);
  }

  get branding(): BrandingDto | null {
    return this.current;
  }

  /** Fetches the branding and applies it; keeps what it has when the server does not answer. */
  async load(): Promise<void> {
    try {
      const response = await globalThis.fetch?.(BRANDING_ROUTES.branding, { cache: 'no-cache' });
      if (!response?.ok) return;
      const branding = (await response.json()) as BrandingDto;
      deviceStorage.write(STORAGE_KEY, branding);
      this.apply(branding);
    } catch {
      // Offline or no server: the built-in or the kept look stays.
    }
  }

  /** Re-applies the title (after a language switch, say). */
  refreshTitle(): void {
    if (this.current) this.document.title = this.titleOf(this.current.name);
  }

  private apply(branding: BrandingDto): void {
    this.current = branding;
    const root = this.document.documentElement;
    setColor(root, '--brand-primary', branding.primaryColor);
    setColor(root, '--brand-on-primary', branding.primaryTextColor);
    setColor(root, '--brand-accent', branding.accentColor);
    setColor(root, '--brand-on-accent', branding.accentTextColor);
    root.toggleAttribute('data-brand-primary', branding.primaryColor !== null);
    root.toggleAttribute('data-brand-accent', branding.accentColor !== null);
    this.document.title = this.titleOf(branding.name);
    if (branding.primaryColor) {
      this.document
        .querySelectorAll('meta[name="theme-color"]')
        .forEach((meta) => meta.setAttribute('content', branding.primaryColor ?? ''));
    }
    if (branding.faviconUrl) {
      const icon = this.document.querySelector('link[rel="icon"]');
      icon?.removeAttribute('type');
      icon?.setAttribute('href', branding.faviconUrl);
    }
    this.onChange(branding);
  }
}

function setColor(root: HTMLElement, property: string, value: string | null): void {
  if (value) root.style.setProperty(property, value);
  else root.style.removeProperty(property);
}
