import { BackgroundWork } from './background-work';

describe('BackgroundWork', () => {
  it('settles only after everything started has, failures included', async () => {
    const work = new BackgroundWork();
    const releases: Array<() => void> = [];
    const gate = () => new Promise<void>((resolve) => releases.push(resolve));
    work.run(gate);
    work.run(async () => {
      await gate();
      throw new Error('failed, handled by its owner');
    });
    let settled = false;
    const settling = work.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    releases[0]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    work.run(gate); // started while shutdown waits: waited for too
    releases[1]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    releases[2]();
    await settling;
    expect(settled).toBe(true);
  });
});
