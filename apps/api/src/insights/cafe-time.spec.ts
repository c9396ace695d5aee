import { addDays, CafeClock } from './cafe-time';

const amsterdam = new CafeClock('Europe/Amsterdam');
const at = (iso: string) => Date.parse(iso);

describe('CafeClock (Europe/Amsterdam)', () => {
  it('knows the offset on both sides of the 2026 DST changes', () => {
    expect(amsterdam.offsetAt(at('2026-03-29T00:59:59.999Z'))).toBe(3600_000);
    expect(amsterdam.offsetAt(at('2026-03-29T01:00:00Z'))).toBe(7200_000);
    expect(amsterdam.offsetAt(at('2026-10-25T00:59:59Z'))).toBe(7200_000);
    expect(amsterdam.offsetAt(at('2026-10-25T01:00:00Z'))).toBe(3600_000);
  });

  it('finds local midnight, also on the 23- and 25-hour days', () => {
    expect(new Date(amsterdam.dayStart('2026-03-29')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(amsterdam.dayStart('2026-03-30')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(new Date(amsterdam.dayStart('2026-10-25')).toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    expect(new Date(amsterdam.dayStart('2026-10-26')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('splits a range at the exact DST instant', () => {
    expect(
      amsterdam.offsetSegments(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z')),
    ).toEqual([
      { start: at('2026-10-24T22:00:00Z'), end: at('2026-10-25T01:00:00Z'), offsetMs: 7200_000 },
      { start: at('2026-10-25T01:00:00Z'), end: at('2026-10-25T23:00:00Z'), offsetMs: 3600_000 },
    ]);
    expect(
      amsterdam.offsetSegments(at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:00Z')),
    ).toEqual([
      { start: at('2026-06-01T00:00:00Z'), end: at('2026-06-02T00:00:00Z'), offsetMs: 7200_000 },
    ]);
    // A whole year holds both changes.
    expect(
      amsterdam
        .offsetSegments(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))
        .map((segment) => new Date(segment.end).toISOString()),
    ).toEqual(['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });

  it('writes café wall time with its offset', () => {
    expect(amsterdam.isoAt(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(amsterdam.isoAt(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
    expect(amsterdam.dateAt(at('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(amsterdam.dateAt(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('handles zones with half-hour offsets and no DST', () => {
    const kolkata = new CafeClock('Asia/Kolkata');
    expect(kolkata.offsetAt(at('2026-10-25T00:00:00Z'))).toBe(5.5 * 3600_000);
    expect(new Date(kolkata.dayStart('2026-10-25')).toISOString()).toBe('2026-10-24T18:30:00.000Z');
    expect(kolkata.isoAt(at('2026-10-25T00:00:00Z'))).toBe('2026-10-25T05:30:00+05:30');
  });

  it('adds calendar days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
