import { checkScreenState, latestScreenState, type ScreenStateDto } from './screen-state';

describe('screen state', () => {
  it.each(['open', 'last-call', 'closed', 'evacuation'])('accepts %p', (state) => {
    expect(checkScreenState(state)).toEqual({ ok: true, value: state });
  });

  it.each(['OPEN', 'lastcall', '', null, undefined, 1, ['open'], { state: 'open' }])(
    'refuses %p, naming the field',
    (value) => {
      const check = checkScreenState(value, 'desiredState');
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error).toMatch(/^desiredState must be one of open, last-call/);
    },
  );

  it('keeps the later of two states, whatever order they arrive in', () => {
    const early: ScreenStateDto = { state: 'evacuation', since: '2026-01-01T10:00:00.000Z' };
    const late: ScreenStateDto = { state: 'open', since: '2026-01-01T10:05:00.000Z' };
    expect(latestScreenState(early, late)).toBe(late);
    expect(latestScreenState(late, early)).toBe(late);
    expect(latestScreenState(null, early)).toBe(early);
    expect(latestScreenState(early, undefined)).toBe(early);
    expect(latestScreenState(early, { state: 'nope', since: 'x' } as never)).toBe(early);
  });
});
