import { BadRequestException } from '@nestjs/common';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** A full ISO 8601 instant: date, time and a zone (Z or ±hh:mm), so nothing is guessed. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Café dates are worked with as plain YYYY-MM-DD strings: keep them to four-digit years. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(3000, 0, 1);

export interface InstantRange {
  from: number;
  to: number;
}

/**
 * Checks `from` and `to` of an insights query: both ISO 8601 instants with a zone, from before
 * to, and no longer than the retention (orders older than that are gone). A range of whole café
 * days may be an hour longer than that many times 24 h when it crosses the autumn DST change.
 */
export function parseInstantRange(from: unknown, to: unknown, retentionDays: number): InstantRange {
  const start = instant('from', from);
  const end = instant('to', to);
  if (start >= end) throw new BadRequestException('"from" must be before "to"');
  if (end - start > retentionDays * DAY_MS + HOUR_MS) {
    throw new BadRequestException(
      `The range may cover at most ${retentionDays} days: orders are kept ${retentionDays} days`,
    );
  }
  return { from: start, to: end };
}

/** Checks a café date `YYYY-MM-DD` (a real calendar day). */
export function parseCafeDate(value: unknown): string {
  const text = typeof value === 'string' ? value : undefined;
  const match = text === undefined ? null : ISO_DATE.exec(text);
  const day = match === null ? NaN : Date.UTC(+match[1], +match[2] - 1, +match[3]);
  const valid =
    day >= EARLIEST && day < LATEST && new Date(day).toISOString().slice(0, 10) === text;
  if (!valid) {
    throw new BadRequestException('"date" must be a calendar day like 2026-03-29 (YYYY-MM-DD)');
  }
  return text as string;
}

function instant(name: string, value: unknown): number {
  if (value === undefined || value === '') {
    throw new BadRequestException(
      `"${name}" is required: an ISO 8601 time like 2026-03-29T00:00:00+01:00`,
    );
  }
  const time = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new BadRequestException(
      `"${name}" must be an ISO 8601 time with a zone, like 2026-03-29T00:00:00+01:00`,
    );
  }
  if (time < EARLIEST || time >= LATEST) {
    throw new BadRequestException(`"${name}" must lie in the years 2000 to 2999`);
  }
  return time;
}
