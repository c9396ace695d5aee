import type { Lang } from '../i18n/messages';

const LOCALE: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A wait in staff words: "45 s", "2 min 05 s", "1 h 02 min". */
export function formatWait(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A share as a whole percentage in the language's style ("38%", "38 %"). */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

export function formatCount(count: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(count);
}

/** "2 Nov – 1 Dec 2026" for café dates (YYYY-MM-DD); a single day when both are the same. */
export function formatDayRange(first: string, last: string, lang: Lang): string {
  const format = new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'UTC',
    weekday: first === last ? 'long' : undefined,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const day = (date: string) => new Date(`${date}T12:00:00Z`);
  return first === last ? format.format(day(first)) : format.formatRange(day(first), day(last));
}

/** "12:00–13:00". */
export function hourRange(hour: number): string {
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${hh(hour)}–${hh(hour + 1)}`;
}
