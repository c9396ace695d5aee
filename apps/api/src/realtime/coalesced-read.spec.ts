import { CoalescedRead } from './coalesced-read';

describe('CoalescedRead', () => {
  it('serves callers that arrive during a read with one next read, started after they asked', async () => {
    let reads = 0;
    let value = 0;
    const started: number[] = [];
    const coalesced = new CoalescedRead(async () => {
      reads += 1;
      const seen = value;
      started.push(seen);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return seen;
    });

    const first = coalesced.get();
    value = 1; // changes after the first read started: later callers must see it
    const later = [coalesced.get(), coalesced.get(), coalesced.get()];

    expect(await first).toBe(0);
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
    expect(reads).toBe(2);
    expect(started).toEqual([0, 1]);
  });

  it('reads again for a caller after the previous reads ended, and survives a failed read', async () => {
    let calls = 0;
    const coalesced = new CoalescedRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('store down');
      return calls;
    });
    await expect(coalesced.get()).rejects.toThrow('store down');
    expect(await coalesced.get()).toBe(2);
    expect(await coalesced.get()).toBe(3);
  });
});
