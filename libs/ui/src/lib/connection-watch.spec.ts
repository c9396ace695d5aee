import { jest } from '@jest/globals';
import { ConnectionWatch } from './connection-watch';

describe('ConnectionWatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('calls the connection lost only after the delay without being live', () => {
    const watch = new ConnectionWatch(2000);
    watch.notLive('connecting');
    expect(watch.status()).toBe('connecting');
    jest.advanceTimersByTime(1999);
    expect(watch.lost()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(watch.lost()).toBe(true);

    watch.live();
    expect(watch.status()).toBe('live');
    expect(watch.lost()).toBe(false);
  });

  it('does not call a short loss lost, and the delay counts from the first loss', () => {
    const watch = new ConnectionWatch(2000);
    watch.live();
    watch.notLive('reconnecting');
    jest.advanceTimersByTime(1000);
    watch.notLive('reconnecting');
    jest.advanceTimersByTime(1000);
    expect(watch.lost()).toBe(true);

    watch.live();
    watch.notLive('reconnecting');
    jest.advanceTimersByTime(500);
    watch.live();
    jest.advanceTimersByTime(5000);
    expect(watch.lost()).toBe(false);
  });

  it('stops its timer when disposed', () => {
    const watch = new ConnectionWatch(2000);
    watch.notLive('connecting');
    watch.dispose();
    jest.advanceTimersByTime(5000);
    expect(watch.lost()).toBe(false);
  });
});
