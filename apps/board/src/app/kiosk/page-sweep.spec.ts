import { describe, expect, it } from 'vitest';
import { nextFrom, type Page, pageFrom } from './page-sweep';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the kiosk page sweep', () => {
  it('shows everything on one page when it fits', () => {
    expect(pageFrom([3, 5, 9], 0, 10)).toEqual({ numbers: [3, 5, 9], index: 1, pages: 1 });
  });

  it('goes through the pages in number order and starts again', () => {
    const numbers = range(1, 25);
    let page = pageFrom(numbers, 0, 10);
    const seen: Page[] = [page];
    for (let turn = 0; turn < 3; turn++) seen.push((page = pageFrom(numbers, nextFrom(page), 10)));
    expect(seen.map((p) => [p.numbers[0], p.numbers.at(-1), p.index])).toEqual([
      [1, 10, 1],
      [11, 20, 2],
      [21, 25, 3],
      [1, 10, 1],
    ]);
  });

  it('skips nobody when orders leave before the page turns', () => {
    let numbers = range(1, 30);
    const page = pageFrom(numbers, 0, 10);
    // 1–5 are collected while page 1 shows: 11 would be on "page 1" now, yet still comes next.
    numbers = numbers.filter((n) => n > 5);
    expect(pageFrom(numbers, nextFrom(page), 10).numbers[0]).toBe(11);
  });
});
