import { BadRequestException } from '@nestjs/common';
import { parseCafeDate, parseInstantRange } from './insights-range';

describe('insights ranges', () => {
  it('accepts ISO instants with a zone', () => {
    expect(parseInstantRange('2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 30)).toEqual(
      {
        from: Date.parse('2026-10-23T22:00:00Z'),
        to: Date.parse('2026-10-25T23:00:00Z'),
      },
    );
  });

  it('allows 30 café days across the autumn change (an hour over 30 × 24 h), not more', () => {
    const from = Date.parse('2026-10-01T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(() =>
      parseInstantRange(iso(from), iso(from + 30 * 86400_000 + 3600_000), 30),
    ).not.toThrow();
    expect(() => parseInstantRange(iso(from), iso(from + 30 * 86400_000 + 3600_001), 30)).toThrow(
      'The range may cover at most 30 days: orders are kept 30 days',
    );
  });

  it.each([
    [undefined, '2026-10-25T00:00:00Z', '"from" is required'],
    ['2026-10-24T00:00:00Z', undefined, '"to" is required'],
    ['yesterday', '2026-10-25T00:00:00Z', '"from" must be an ISO 8601 time with a zone'],
    ['2026-10-24', '2026-10-25T00:00:00Z', '"from" must be an ISO 8601 time'],
    ['2026-10-24T00:00:00', '2026-10-25T00:00:00Z', '"from" must be an ISO 8601 time'],
    ['2026-10-24T00:00:00Z', '2026-13-25T00:00:00Z', '"to" must be an ISO 8601 time'],
    [['2026-10-24T00:00:00Z'], '2026-10-25T00:00:00Z', '"from" must be an ISO 8601 time'],
    ['2026-10-25T00:00:00Z', '2026-10-25T00:00:00Z', '"from" must be before "to"'],
    ['2026-10-26T00:00:00Z', '2026-10-25T00:00:00Z', '"from" must be before "to"'],
    ['1999-12-31T00:00:00Z', '2000-01-01T00:00:00Z', '"from" must lie in the years 2000 to 2999'],
    ['9999-12-31T00:00:00Z', '9999-12-31T23:00:00-12:00', '"from" must lie in the years 2000'],
  ])('refuses from=%j to=%j', (from, to, message) => {
    expect(() => parseInstantRange(from, to, 30)).toThrow(BadRequestException);
    expect(() => parseInstantRange(from, to, 30)).toThrow(message);
  });

  it('checks café dates', () => {
    expect(parseCafeDate('2026-10-25')).toBe('2026-10-25');
    for (const bad of [
      '9999-12-31',
      '1999-12-31',
      '0001-01-01',
      '2026-02-30',
      '2026-1-5',
      '20261025',
      '',
      undefined,
      ['2026-10-25'],
    ]) {
      expect(() => parseCafeDate(bad)).toThrow('"date" must be a calendar day like 2026-03-29');
    }
  });
});
