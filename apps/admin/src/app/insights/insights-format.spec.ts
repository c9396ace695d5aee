import { describe, expect, it } from 'vitest';
import { formatDayRange, formatShare, formatWait, hourRange } from './insights-format';

describe('insights formatting', () => {
  it('says waits in seconds, minutes or hours', () => {
    expect(formatWait(45.4)).toBe('45 s');
    expect(formatWait(125)).toBe('2 min 05 s');
    expect(formatWait(408)).toBe('6 min 48 s');
    expect(formatWait(3720)).toBe('1 h 02 min');
  });

  it('shows shares as whole percentages per language', () => {
    expect(formatShare(0.375, 'en')).toBe('38%');
    expect(formatShare(0.375, 'nl')).toBe('38%');
  });

  it('writes a day or a range of café days', () => {
    expect(formatDayRange('2026-10-25', '2026-10-25', 'en')).toMatch(/^Sunday,? 25 Oct 2026$/);
    expect(formatDayRange('2026-10-02', '2026-10-31', 'en')).toMatch(/^2\s?–\s?31 Oct 2026$/);
    expect(formatDayRange('2026-11-02', '2026-12-01', 'nl')).toContain('nov');
  });

  it('names an hour of the day', () => {
    expect(hourRange(0)).toBe('00:00–01:00');
    expect(hourRange(23)).toBe('23:00–00:00');
  });
});
