import { describe, expect, it } from 'vitest';
import { formatCountdown, msToNextSecond, remainingSeconds } from './clock';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const expiresAt = new Date(T0 + 300_000).toISOString();

describe('countdown clock', () => {
  it('counts down in whole seconds, rounding up, never below zero', () => {
    expect(remainingSeconds(expiresAt, T0, 0)).toBe(300);
    expect(remainingSeconds(expiresAt, T0 + 299_001, 0)).toBe(1);
    expect(remainingSeconds(expiresAt, T0 + 300_000, 0)).toBe(0);
    expect(remainingSeconds(expiresAt, T0 + 400_000, 0)).toBe(0);
  });

  it('corrects a device clock that is behind or ahead of the server', () => {
    // Device 2 minutes behind: its clock says T0 - 120 s while the server says T0.
    expect(remainingSeconds(expiresAt, T0 - 120_000, 120_000)).toBe(300);
    // Device 1 hour ahead: without the offset the order would look long gone.
    expect(remainingSeconds(expiresAt, T0 + 3_600_000, 0)).toBe(0);
    expect(remainingSeconds(expiresAt, T0 + 3_600_000, -3_600_000)).toBe(300);
  });

  it('formats as m:ss, or h:mm:ss from an hour', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(3723)).toBe('1:02:03');
  });

  it('ticks on the server’s whole second', () => {
    expect(msToNextSecond(T0 + 200, 0)).toBe(805);
    expect(msToNextSecond(T0 + 200, 300)).toBe(505);
    expect(msToNextSecond(T0 + 200, -700)).toBe(505);
  });
});
