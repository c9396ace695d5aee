import { DOCUMENT, effect, inject, type Signal, signal } from '@angular/core';
import { deviceStorage } from './device-storage';

export interface LanguageChoice<L extends string> {
  /** The language in use; also set as `<html lang>`. */
  readonly lang: Signal<L>;
  /** Switches language and remembers the choice on this device. */
  use(lang: L): void;
}

export interface LanguageChoiceOptions<L extends string> {
  langs: readonly L[];
  fallback: L;
  /** Where the person's choice is kept on the device. */
  storageKey: string;
  /** A query parameter that picks the language for this page load (e.g. a kiosk URL). */
  urlParam?: string;
}

/**
 * The language of an app, switched at run time (no per-locale builds): the `urlParam` of the
 * address, else the choice made on this device, else the first of the browser's languages the
 * app has, else `fallback`. Call in an injection context.
 */
export function languageChoice<L extends string>(
  options: LanguageChoiceOptions<L>,
): LanguageChoice<L> {
  const document = inject(DOCUMENT);
  const known = (value: unknown): value is L =>
    (options.langs as readonly unknown[]).includes(value);
  const lang = signal<L>(initialLang(document, options, known));
  effect(() => {
    document.documentElement.lang = lang();
  });
  return {
    lang: lang.asReadonly(),
    use(next: L) {
      lang.set(next);
      deviceStorage.write(options.storageKey, next);
    },
  };
}

function initialLang<L extends string>(
  document: Document,
  options: LanguageChoiceOptions<L>,
  known: (value: unknown) => value is L,
): L {
  if (options.urlParam) {
    const fromUrl = new URLSearchParams(document.location?.search ?? '').get(options.urlParam);
    if (known(fromUrl)) return fromUrl;
  }
  const saved = deviceStorage.read<string>(options.storageKey);
  if (known(saved)) return saved;
  const navigator = document.defaultView?.navigator;
  const preferred = navigator?.languages?.length ? navigator.languages : [navigator?.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (known(base)) return base;
  }
  return options.fallback;
}
