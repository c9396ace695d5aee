import { computed, Injectable } from '@angular/core';
import { languageChoice, type LanguageOption } from '@hubble/ui';
import { STORAGE_KEYS } from '../storage';
import { type Lang, LANGS, MESSAGES } from './messages';

/**
 * Dutch and English, switched at run time: `?lang=` (for a kiosk), else the language chosen on
 * this device, else the first of the browser's languages we have, else English.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly choice = languageChoice<Lang>({
    langs: LANGS,
    fallback: 'en',
    storageKey: STORAGE_KEYS.lang,
    urlParam: 'lang',
  });
  readonly lang = this.choice.lang;
  /** The texts of the current language. */
  readonly t = computed(() => MESSAGES[this.lang()]);
  /** For the language switch. */
  readonly options: readonly LanguageOption<Lang>[] = LANGS.map((lang) => ({
    lang,
    name: MESSAGES[lang].langName,
  }));

  /** Switches language and remembers the choice on this device. */
  use(lang: Lang): void {
    this.choice.use(lang);
  }
}
