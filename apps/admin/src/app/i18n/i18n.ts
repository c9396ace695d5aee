import { computed, Injectable } from '@angular/core';
import { languageChoice, type LanguageOption } from '@hubble/ui';
import { type Lang, LANGS, MESSAGES } from './messages';

/** Where the back-office keeps the language chosen on this device (nothing secret). */
export const LANG_STORAGE_KEY = 'hubble.admin.lang';

/**
 * Dutch and English, switched at run time: the language chosen on this device, else the first
 * of the browser's languages we have, else English (`languageChoice` from `@hubble/ui`).
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly choice = languageChoice<Lang>({
    langs: LANGS,
    fallback: 'en',
    storageKey: LANG_STORAGE_KEY,
  });
  readonly lang = this.choice.lang;
  /** The texts of the current language. */
  readonly t = computed(() => MESSAGES[this.lang()]);
  /** For the language switch. */
  readonly options: readonly LanguageOption<Lang>[] = LANGS.map((lang) => ({
    lang,
    name: MESSAGES[lang].langName,
  }));
  /** Locale-aware clock time, e.g. 14:05:09. */
  readonly timeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.lang() === 'nl' ? 'nl-NL' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  /** "3 min. ago" / "3 min. geleden". */
  readonly relativeFormat = computed(
    () => new Intl.RelativeTimeFormat(this.lang(), { numeric: 'auto', style: 'short' }),
  );

  /** Switches language and remembers the choice on this device. */
  use(lang: Lang): void {
    this.choice.use(lang);
  }
}
