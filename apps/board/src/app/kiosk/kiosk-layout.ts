/** How the kiosk's tiles fill their area: the numbers as big as they can be, paged when needed. */
export interface KioskFit {
  columns: number;
  rows: number;
  /** Tiles per page (the pages are balanced: 60 orders over 3 pages are 20 each). */
  perPage: number;
  pages: number;
  tileWidth: number;
  tileHeight: number;
  /** Font size of the numbers, px. */
  numberSize: number;
}

export interface FitLimits {
  gap: number;
  /** Smallest number still readable from across the room, px. */
  minNumber: number;
  /** Never larger than this, px (one order should not fill a TV). */
  maxNumber: number;
  /** Digits of the longest number. */
  digits: number;
}

/** The number's share of a tile's height; the rest is the "new" tag and padding. */
const NUMBER_OF_HEIGHT = 0.6;
/** A digit's width per px of font (bold, tabular), and the share of a tile's width it may use. */
const DIGIT_WIDTH = 0.68;
const NUMBER_OF_WIDTH = 0.85;
/** A tile is at most this much wider than high, except where its number needs more. */
const MAX_ASPECT = 1.6;
/** Past this many pages the numbers shrink further (to the floor) rather than page more. */
export const MAX_PAGES = 4;
/** The floor: a share of {@link FitLimits.minNumber}, only to keep the cycle within 30 s. */
const FLOOR = 0.75;

const numberFits = (width: number, height: number, digits: number) =>
  Math.min(height * NUMBER_OF_HEIGHT, (width * NUMBER_OF_WIDTH) / (digits * DIGIT_WIDTH));

/** The largest numbers for `count` tiles on one page of `width` × `height`. */
function fitOnePage(width: number, height: number, count: number, limits: FitLimits): KioskFit {
  const { gap, digits, maxNumber } = limits;
  let best: KioskFit | null = null;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const tileWidth = (width - (columns - 1) * gap) / columns;
    const tileHeight = (height - (rows - 1) * gap) / rows;
    if (tileWidth <= 0 || tileHeight <= 0) continue;
    const numberSize = numberFits(tileWidth, tileHeight, digits);
    if (!best || numberSize > best.numberSize) {
      best = { columns, rows, perPage: count, pages: 1, tileWidth, tileHeight, numberSize };
    }
  }
  if (!best)
    return {
      columns: 1,
      rows: 1,
      perPage: count,
      pages: 1,
      tileWidth: 0,
      tileHeight: 0,
      numberSize: 0,
    };
  if (best.numberSize <= maxNumber) return best;
  // Few orders: capped, the tiles shrink to fit the capped number (the grid is centred).
  const tileHeight = Math.min(best.tileHeight, maxNumber / NUMBER_OF_HEIGHT);
  const needed = (maxNumber * digits * DIGIT_WIDTH) / NUMBER_OF_WIDTH;
  const tileWidth = Math.min(best.tileWidth, Math.max(tileHeight * MAX_ASPECT, needed));
  return { ...best, tileWidth, tileHeight, numberSize: maxNumber };
}

/** How many tiles of at least `minNumber` fit one page. */
function capacity(width: number, height: number, minNumber: number, limits: FitLimits): number {
  const { gap, digits } = limits;
  const tileHeight = minNumber / NUMBER_OF_HEIGHT;
  const tileWidth = (minNumber * digits * DIGIT_WIDTH) / NUMBER_OF_WIDTH;
  const columns = Math.max(1, Math.floor((width + gap) / (tileWidth + gap)));
  const rows = Math.max(1, Math.floor((height + gap) / (tileHeight + gap)));
  return columns * rows;
}

/**
 * Tiles for `count` orders in `width` × `height` px: all on one page while their numbers stay at
 * least `minNumber`; else as many pages as needed at that size (balanced), and past
 * {@link MAX_PAGES} pages down to a floor so that a cycle of pages stays short.
 */
export function fitKiosk(
  width: number,
  height: number,
  count: number,
  limits: FitLimits,
): KioskFit {
  const orders = Math.max(count, 1);
  // Not laid out yet (or nowhere to show): everything on one page until there is an area.
  if (width <= 0 || height <= 0) {
    return {
      columns: 1,
      rows: orders,
      perPage: orders,
      pages: 1,
      tileWidth: 0,
      tileHeight: 0,
      numberSize: 0,
    };
  }
  const single = fitOnePage(width, height, orders, limits);
  if (single.numberSize >= limits.minNumber) return single;
  let perPage = capacity(width, height, limits.minNumber, limits);
  if (Math.ceil(orders / perPage) > MAX_PAGES) {
    perPage = Math.max(perPage, capacity(width, height, limits.minNumber * FLOOR, limits));
  }
  const pages = Math.ceil(orders / perPage);
  const balanced = Math.ceil(orders / pages);
  return { ...fitOnePage(width, height, balanced, limits), perPage: balanced, pages };
}

/** Whole pixels, rounded down: a sum of tiles and gaps never exceeds the area. */
export function wholePixels(fit: KioskFit): KioskFit {
  return {
    ...fit,
    tileWidth: Math.floor(fit.tileWidth),
    tileHeight: Math.floor(fit.tileHeight),
    numberSize: Math.floor(fit.numberSize),
  };
}

/** How long each page shows: ~10 s, shorter with more pages so a whole cycle takes ≤ 30 s. */
export function pageDuration(pages: number): number {
  return Math.max(5_000, Math.min(10_000, Math.floor(30_000 / Math.max(pages, 1))));
}
