import { AfterBroadcastLog } from './after-broadcast-log';

/** Resolves after the immediates queued so far have run: one turn of the event loop. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('AfterBroadcastLog', () => {
  it('writes a line two turns of the event loop later', async () => {
    const log = new AfterBroadcastLog();
    const written: string[] = [];

    log.write(() => written.push('a'));
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual(['a']);
  });

  it('writes the pending lines at close, each once, and later lines at once', async () => {
    const log = new AfterBroadcastLog();
    const written: string[] = [];
    log.write(() => written.push('a'));
    log.write(() => written.push('b'));

    log.close();
    expect(written).toEqual(['a', 'b']);
    log.write(() => written.push('c'));
    expect(written).toEqual(['a', 'b', 'c']);

    await nextTurn();
    await nextTurn();
    expect(written).toEqual(['a', 'b', 'c']);
  });
});
