import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AuroraStandIn } from '../../../../tools/aurora-stand-in/aurora-stand-in';
import { InProcessApp } from '../../test/support/in-process-app';
import { createTestStore, type TestStore } from '../../test/support/stores';
import { waitUntil } from '../../test/support/wait-until';

const API_KEY = 'shutdown-aurora-key';

describe('Aurora sync at shutdown', () => {
  let store: TestStore;
  let standIn: AuroraStandIn;
  let instance: InProcessApp | undefined;

  beforeEach(async () => {
    store = await createTestStore('sqlite');
    standIn = await AuroraStandIn.start({ apiKey: API_KEY });
  });
  afterEach(async () => {
    await instance?.close().catch(() => undefined); // only when the test failed before closing
    await standIn.down();
    await store.dispose();
  });

  it('makes the call of a change that committed as shutdown began, before the store closes', async () => {
    instance = await InProcessApp.start({
      ...store.env,
      AURORA_URL: standIn.url,
      AURORA_API_KEY: API_KEY,
      AURORA_POLL_MS: '600000',
    });
    await instance.orders.create(9, 'star-community');
    // Shutdown starts in the same turn as the commit, before the claimed call was handed over.
    await instance.close();
    instance = undefined;
    expect(
      standIn.calls.filter((call) => call.method === 'POST').map((call) => call.status),
    ).toEqual([200]);
  });

  it('waits for the call in flight, records its outcome, then lets the store close', async () => {
    const env = {
      ...store.env,
      AURORA_URL: standIn.url,
      AURORA_API_KEY: API_KEY,
      AURORA_TIMEOUT_MS: '1500',
    };
    instance = await InProcessApp.start(env);
    standIn.behave({ mode: 'hang' }); // the call below is in flight until it times out
    await instance.orders.create(7, 'star-community');
    await waitUntil(() => standIn.calls.some((call) => call.method === 'POST'), 10_000, 'the add');

    let closed = false;
    const closing = instance.close().then(() => (closed = true));
    instance = undefined;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toBe(false); // still waiting for Aurora's answer (a timeout here)
    await closing;

    // The attempt was recorded before the store closed.
    const database = new DatabaseSync(join(store.env.DATA_DIR, 'hubble.sqlite'));
    try {
      const rows = database
        .prepare('select state, attempts, last_error from aurora_outbox where number = 7')
        .all();
      expect(rows).toEqual([
        { state: 'retrying', attempts: 1, last_error: expect.stringMatching(/timeout/i) },
      ]);
    } finally {
      database.close();
    }
  });
});
