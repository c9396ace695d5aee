// The stand-in must speak Aurora's integration contract exactly, or tests against it prove
// nothing. Run by `nx test tools` (node --test).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AuroraStandIn } from './aurora-stand-in.ts';

const KEY = 'test-key';

describe('Aurora stand-in', () => {
  let standIn: AuroraStandIn;
  const call = (method: string, path: string, body?: unknown, key: string | null = KEY) =>
    fetch(`${standIn.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(key === null ? {} : { 'x-api-key': key }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    standIn = await AuroraStandIn.start({ apiKey: KEY, grants: ['addOrder', 'removeOrder'] });
  });
  after(() => standIn.down());
  beforeEach(() => {
    standIn.restart();
    standIn.behave({ mode: 'normal' });
  });

  it('adds with the timeout, answers 200 with the orders held, and removes', async () => {
    const added = await call('POST', '/api/orders', { orderNumber: 850, timeoutSeconds: 300 });
    assert.equal(added.status, 200);
    const list = (await added.json()) as { number: number; timeoutSeconds: number }[];
    assert.deepEqual(
      list.map(({ number, timeoutSeconds }) => ({ number, timeoutSeconds })),
      [{ number: 850, timeoutSeconds: 300 }],
    );
    assert.equal(standIn.orders()[0]?.timeoutSeconds, 300);

    const removed = await call('DELETE', '/api/orders/850');
    assert.equal(removed.status, 200);
    assert.deepEqual(await removed.json(), []);
    assert.deepEqual(standIn.orders(), []);
  });

  it('resets the timer when a number is added again (one order, new timeout)', async () => {
    await call('POST', '/api/orders', { orderNumber: 7, timeoutSeconds: 10 });
    await call('POST', '/api/orders', { orderNumber: 7, timeoutSeconds: 200 });
    assert.deepEqual(
      standIn.orders().map((o) => [o.number, o.timeoutSeconds]),
      [[7, 200]],
    );
  });

  it('forgets orders when their timeout passes', async () => {
    await call('POST', '/api/orders', { orderNumber: 8, timeoutSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.deepEqual(standIn.orders(), []);
  });

  it('answers 401 without the right X-API-Key and keeps nothing', async () => {
    assert.equal(
      (await call('POST', '/api/orders', { orderNumber: 1, timeoutSeconds: 5 }, null)).status,
      401,
    );
    assert.equal(
      (await call('POST', '/api/orders', { orderNumber: 1, timeoutSeconds: 5 }, 'wrong')).status,
      401,
    );
    assert.deepEqual(standIn.orders(), []);
  });

  it('answers 403 for an endpoint the integration user is not granted', async () => {
    assert.equal((await call('GET', '/api/orders')).status, 403);
    const limited = await AuroraStandIn.start({ apiKey: KEY, grants: ['addOrder'] });
    try {
      const response = await fetch(`${limited.url}/api/orders/5`, {
        method: 'DELETE',
        headers: { 'x-api-key': KEY },
      });
      assert.equal(response.status, 403);
    } finally {
      await limited.down();
    }
  });

  it('refuses a non-numeric orderNumber with 400', async () => {
    const response = await call('POST', '/api/orders', { orderNumber: '850', timeoutSeconds: 5 });
    assert.equal(response.status, 400);
    assert.deepEqual(standIn.orders(), []);
  });

  it('fails, hangs, goes down and comes back on the same port when told to', async () => {
    standIn.behave({ mode: 'fail', status: 503 });
    assert.equal(
      (await call('POST', '/api/orders', { orderNumber: 2, timeoutSeconds: 5 })).status,
      503,
    );

    standIn.behave({ mode: 'hang' });
    await assert.rejects(
      fetch(`${standIn.url}/api/orders`, {
        method: 'POST',
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        body: '{"orderNumber":3,"timeoutSeconds":5}',
        signal: AbortSignal.timeout(300),
      }),
      /TimeoutError|aborted/,
    );

    standIn.behave({ mode: 'normal' });
    const url = standIn.url;
    await standIn.down();
    await assert.rejects(call('POST', '/api/orders', { orderNumber: 4, timeoutSeconds: 5 }));
    await standIn.up();
    assert.equal(standIn.url, url);
    assert.equal(
      (await call('POST', '/api/orders', { orderNumber: 4, timeoutSeconds: 5 })).status,
      200,
    );
  });

  it('is controlled over HTTP too: orders, calls, behaviour, restart', async () => {
    await call('POST', '/api/orders', { orderNumber: 9, timeoutSeconds: 60 });
    const held = await (await fetch(`${standIn.url}/__stand-in/orders`)).json();
    assert.equal((held as { number: number }[])[0]?.number, 9);
    const calls = (await (await fetch(`${standIn.url}/__stand-in/calls`)).json()) as unknown[];
    assert.ok(calls.length > 0);
    const bad = await fetch(`${standIn.url}/__stand-in/behaviour`, {
      method: 'POST',
      body: '{"mode":"x"}',
    });
    assert.equal(bad.status, 400);
    await fetch(`${standIn.url}/__stand-in/restart`, { method: 'POST' });
    assert.deepEqual(standIn.orders(), []);
  });
});
