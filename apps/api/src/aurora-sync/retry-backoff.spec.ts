import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    const upper = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => retryDelayMs(attempt, () => 1));
    expect(upper).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('jitters between half and all of the delay', () => {
    expect(retryDelayMs(3, () => 0)).toBe(2000);
    expect(retryDelayMs(3, () => 0.5)).toBe(3000);
    expect(retryDelayMs(7, () => 0)).toBe(30000);
  });
});
