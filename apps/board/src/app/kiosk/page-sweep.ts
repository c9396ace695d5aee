/**
 * The kiosk's pages as a sweep through the numbers in ascending order: each page starts after the
 * last number the previous page showed, wrapping round. Orders arriving or leaving meanwhile do not
 * make the sweep skip anyone: every order is shown once per round of pages.
 */
export interface Page {
  numbers: number[];
  /** 1-based, for "page 2 of 3". */
  index: number;
  pages: number;
}

/** The page starting at the first number ≥ `from` (the start again when there is none). */
export function pageFrom(sorted: readonly number[], from: number, perPage: number): Page {
  const pages = Math.max(1, Math.ceil(sorted.length / perPage));
  if (pages === 1) return { numbers: [...sorted], index: 1, pages };
  let first = sorted.findIndex((number) => number >= from);
  if (first < 0) first = 0;
  const numbers = sorted.slice(first, first + perPage);
  return { numbers, index: Math.min(pages, Math.floor(first / perPage) + 1), pages };
}

/** Where the page after `page` starts. */
export function nextFrom(page: Page): number {
  const last = page.numbers.at(-1);
  return last === undefined || page.pages === 1 ? 0 : last + 1;
}
