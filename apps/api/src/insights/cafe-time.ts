// The café's wall clock (CAFE_TIME_ZONE) for instants stored as epoch milliseconds. SQLite has no
// time zones, so the UTC offsets in force are worked out here and handed to SQL as plain numbers.

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** DST transitions are months apart; sampling this often cannot step over two of them. */
const SAMPLE_MS = 6 * HOUR_MS;

/** A stretch of time [start, end) in which the café's clock is UTC + offsetMs. */
export interface OffsetSegment {
  start: number;
  end: number;
  offsetMs: number;
}

/** Wall-clock arithmetic in one IANA time zone. */
export class CafeClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** How far the café's clock is ahead of UTC at `instant`, in ms (Amsterdam: 1 h or 2 h). */
  offsetAt(instant: number): number {
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(wholeSecond)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      parts['year'],
      parts['month'] - 1,
      parts['day'],
      parts['hour'],
      parts['minute'],
      parts['second'],
    );
    return wall - wholeSecond;
  }

  /** The café's date at `instant`, YYYY-MM-DD. */
  dateAt(instant: number): string {
    return new Date(instant + this.offsetAt(instant)).toISOString().slice(0, 10);
  }

  /** The café's wall time at `instant` as ISO 8601 with its offset, e.g. 2026-03-29T03:30:00+02:00. */
  isoAt(instant: number): string {
    const offset = this.offsetAt(instant);
    const wall = new Date(instant + offset).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset) / 60_000;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${wall}${sign}${hh}:${mm}`;
  }

  /** The first instant of the café day `date` (YYYY-MM-DD): local midnight, DST included. */
  dayStart(date: string): number {
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    // Offsets lie within −12 h … +14 h: the day starts somewhere in this window.
    let low = utcMidnight - 15 * HOUR_MS;
    let high = utcMidnight + 13 * HOUR_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.dateAt(middle) >= date) high = middle;
      else low = middle;
    }
    return high;
  }

  /** The stretches of constant UTC offset that cover [from, to), in order. */
  offsetSegments(from: number, to: number): OffsetSegment[] {
    const segments: OffsetSegment[] = [];
    let start = from;
    let offsetMs = this.offsetAt(from);
    let previous = from;
    while (previous < to) {
      const at = Math.min(previous + SAMPLE_MS, to);
      const next = this.offsetAt(at);
      if (next !== offsetMs) {
        const change = this.transitionBetween(previous, at, offsetMs);
        segments.push({ start, end: change, offsetMs });
        start = change;
        offsetMs = next;
      }
      previous = at;
    }
    if (start < to) segments.push({ start, end: to, offsetMs });
    return segments;
  }

  /** The first instant in (low, high] whose offset is no longer `before`. */
  private transitionBetween(low: number, high: number, before: number): number {
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.offsetAt(middle) === before) low = middle;
      else high = middle;
    }
    return high;
  }
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
