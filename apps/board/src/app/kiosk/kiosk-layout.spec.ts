import { describe, expect, it } from 'vitest';
import { fitKiosk, MAX_PAGES, pageDuration } from './kiosk-layout';

/** A 1920×1080 kiosk's tile area (beside the side column), and its limits. */
const AREA = { width: 1380, height: 850 };
const LIMITS = { gap: 19, minNumber: 97, maxNumber: 324, digits: 3 };

describe('fitKiosk', () => {
  it('makes the numbers larger with fewer orders, all on one page while readable', () => {
    const five = fitKiosk(AREA.width, AREA.height, 5, LIMITS);
    const twelve = fitKiosk(AREA.width, AREA.height, 12, LIMITS);
    expect(five.pages).toBe(1);
    expect(twelve.pages).toBe(1);
    expect(five.numberSize).toBeGreaterThan(twelve.numberSize);
    expect(twelve.numberSize).toBeGreaterThanOrEqual(LIMITS.minNumber);
  });

  it('never grows one order past the cap', () => {
    const one = fitKiosk(AREA.width, AREA.height, 1, LIMITS);
    expect(one.numberSize).toBe(LIMITS.maxNumber);
    expect(one.tileHeight).toBeLessThanOrEqual(AREA.height);
  });

  it('pages at the readable minimum, balanced, and every tile fits the area', () => {
    const fit = fitKiosk(AREA.width, AREA.height, 60, LIMITS);
    expect(fit.pages).toBeGreaterThan(1);
    expect(fit.pages).toBeLessThanOrEqual(MAX_PAGES);
    expect(fit.perPage * fit.pages).toBeGreaterThanOrEqual(60);
    expect(fit.perPage * (fit.pages - 1)).toBeLessThan(60);
    expect(fit.numberSize).toBeGreaterThanOrEqual(LIMITS.minNumber);
    expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(fit.perPage);
    expect(fit.columns * fit.tileWidth + (fit.columns - 1) * LIMITS.gap).toBeLessThanOrEqual(
      AREA.width + 0.01,
    );
    expect(fit.rows * fit.tileHeight + (fit.rows - 1) * LIMITS.gap).toBeLessThanOrEqual(
      AREA.height + 0.01,
    );
  });

  it('shrinks to the floor rather than page past the limit', () => {
    const fit = fitKiosk(AREA.width, AREA.height, 200, LIMITS);
    expect(fit.numberSize).toBeLessThan(LIMITS.minNumber);
    expect(fit.numberSize).toBeGreaterThanOrEqual(LIMITS.minNumber * 0.75 - 0.01);
  });

  it('puts everything on one page until the area is known', () => {
    expect(fitKiosk(0, 0, 30, LIMITS)).toMatchObject({ pages: 1, perPage: 30 });
  });
});

describe('pageDuration', () => {
  it('is ~10 s a page, shorter with more pages, a round at most 30 s down to 5 s a page', () => {
    expect(pageDuration(1)).toBe(10_000);
    expect(pageDuration(3)).toBe(10_000);
    expect(pageDuration(4)).toBe(7_500);
    for (const pages of [2, 3, 4, 5, 6])
      expect(pages * pageDuration(pages)).toBeLessThanOrEqual(30_000);
  });
});
