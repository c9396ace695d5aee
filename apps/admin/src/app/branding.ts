import { DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import type { BrandingDto } from '@hubble/contracts';
import { PageBranding } from '@hubble/ui';
import { I18n } from './i18n/i18n';

/** The café's name, logo and colours (run-time branding) for the back-office. */
@Injectable({ providedIn: 'root' })
export class Branding {
  private readonly t = inject(I18n).t;
  /** Null until known: the built-in look. */
  readonly brand = signal<BrandingDto | null>(null);
  private readonly page = new PageBranding(
    inject(DOCUMENT),
    (name) => this.t().title(name),
    (branding) => this.brand.set(branding),
  );

  constructor() {
    effect(() => {
      this.t();
      this.page.refreshTitle();
    });
  }

  load(): Promise<void> {
    return this.page.load();
  }
}
