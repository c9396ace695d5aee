import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('commits writes of one turn together, and writes that arrive meanwhile in the next', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, string>(async (batch) => {
      batches.push([...batch]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return batch.map((work) => `done ${work}`);
    });

    const first = [1, 2].map((work) => group.submit(work));
    await new Promise((resolve) => setTimeout(resolve, 2)); // the first batch is committing
    const rest = [3, 4, 5].map((work) => group.submit(work));
    expect(await Promise.all(first)).toEqual(['done 1', 'done 2']);
    expect(await Promise.all(rest)).toEqual(['done 3', 'done 4', 'done 5']);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('fails only the write that fails when its batch fails', async () => {
    const group = new GroupCommit<number, number>(async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (batch.includes(13)) throw new Error('unlucky');
      return batch.map((work) => work * 2);
    });
    const results = await Promise.allSettled([1, 2, 13, 4].map((work) => group.submit(work)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 4 },
      { status: 'rejected', reason: new Error('unlucky') },
      { status: 'fulfilled', value: 8 },
    ]);
  });

  it('keeps batches within the limit', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>(async (batch) => {
      sizes.push(batch.length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [...batch];
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => group.submit(i)));
    expect(sizes).toEqual([3, 3, 2]);
  });
});
