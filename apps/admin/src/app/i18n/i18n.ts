import { computed, DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import { deviceStorage, STORAGE_KEYS } from '../storage';
import { type Lang, LANGS, MESSAGES } from './messages';

/**
 * Dutch and English, switched at run time: the language chosen on this device, else the first
 * of the browser's languages we have, else English.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(initialLang(this.document));
  /** The texts of the current language. */
  readonly t = computed(() => MESSAGES[this.lang()]);
  /** Locale-aware clock time, e.g. 14:05:09. */
  readonly timeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.lang() === 'nl' ? 'nl-NL' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  /** "3 minutes ago" / "3 minuten geleden". */
  readonly relativeFormat = computed(
    () => new Intl.RelativeTimeFormat(this.lang(), { numeric: 'auto', style: 'short' }),
  );

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.lang();
    });
  }

  /** Switches language and remembers the choice on this device. */
  use(lang: Lang): void {
    this.lang.set(lang);
    deviceStorage.write(STORAGE_KEYS.lang, lang);
  }
}

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

function initialLang(document: Document): Lang {
  const saved = deviceStorage.read<string>(STORAGE_KEYS.lang);
  if (isLang(saved)) return saved;
  const navigator = document.defaultView?.navigator;
  const preferred = navigator?.languages?.length ? navigator.languages : [navigator?.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
