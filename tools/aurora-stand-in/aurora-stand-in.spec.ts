// The stand-in must answer exactly as the real Aurora (aurora-core v2.7.0) does, or tests against
// it prove nothing. Each expectation below is what Aurora itself answers (read from its source and
// run). Run by `nx test tools` (node --test).
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
  const rawPost = (text: string, key: string | null = KEY) =>
    fetch(`${standIn.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === null ? {} : { 'x-api-key': key }),
      },
      body: text,
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

  it('answers each add with every order held, field by field as Aurora writes them', async () => {
    await call('POST', '/api/orders', { orderNumber: 850, timeoutSeconds: 300 });
    const added = await call('POST', '/api/orders', { orderNumber: 851, timeoutSeconds: 60 });
    const iso = '"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"';
    assert.match(
      await added.text(),
      new RegExp(
        `^\\[\\{"number":850,"startTime":${iso},"timeoutSeconds":300\\},` +
          `\\{"number":851,"startTime":${iso},"timeoutSeconds":60\\}\\]$`,
      ),
    );
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
    for (const key of [null, 'wrong']) {
      const response = await call(
        'POST',
        '/api/orders',
        { orderNumber: 1, timeoutSeconds: 5 },
        key,
      );
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { message: 'You are not logged in.' });
    }
    assert.equal((await call('GET', '/api/orders', undefined, null)).status, 401);
    assert.deepEqual(standIn.orders(), []);
  });

  it('lists the orders for an integration user on GET /api/orders', async () => {
    await call('POST', '/api/orders', { orderNumber: 11, timeoutSeconds: 60 });
    const response = await call('GET', '/api/orders');
    assert.equal(response.status, 200);
    const list = (await response.json()) as { number: number }[];
    assert.deepEqual(
      list.map((order) => order.number),
      [11],
    );
  });

  it('defaults timeoutSeconds to 120', async () => {
    const response = await call('POST', '/api/orders', { orderNumber: 12 });
    assert.equal(response.status, 200);
    assert.equal(standIn.orders()[0]?.timeoutSeconds, 120);
  });

  it('accepts numeric strings, floats, 0 and negatives', async () => {
    for (const body of [
      { orderNumber: '850', timeoutSeconds: '60' },
      { orderNumber: 851.5, timeoutSeconds: 30.5 },
      { orderNumber: 0, timeoutSeconds: 60 },
      { orderNumber: -3, timeoutSeconds: 60 },
      { orderNumber: 852, timeoutSeconds: 0 },
      { orderNumber: 853, timeoutSeconds: -10 },
    ]) {
      assert.equal((await call('POST', '/api/orders', body)).status, 200, JSON.stringify(body));
    }
    // A timeout of 0 or below expires at once, as in Aurora.
    assert.deepEqual(
      standIn
        .orders()
        .map((order) => order.number)
        .sort((a, b) => a - b),
      [-3, 0, 850, 851.5],
    );
    assert.equal((await call('DELETE', '/api/orders/-3')).status, 200);
  });

  it('answers 400 for any extra body field, and for a missing or non-numeric number', async () => {
    for (const body of [
      { orderNumber: 5, timeoutSeconds: 5, source: 'hubble' },
      { timeoutSeconds: 5 },
      { orderNumber: 'abc' },
      { orderNumber: true },
      { orderNumber: 5, timeoutSeconds: 'soon' },
    ]) {
      const response = await call('POST', '/api/orders', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(((await response.json()) as { message: string }).message, 'Bad Request');
    }
    assert.equal((await call('DELETE', '/api/orders/abc')).status, 400);
    assert.deepEqual(standIn.orders(), []);
  });

  it('answers 500 for a body that is not JSON, before it even checks the key', async () => {
    for (const key of [KEY, null]) {
      const response = await rawPost('{"orderNumber": 5', key);
      assert.equal(response.status, 500);
      assert.equal(await response.json(), 'Internal server error.');
    }
    assert.deepEqual(standIn.orders(), []);
  });

  it('answers 200 to a DELETE of a number it does not hold', async () => {
    const response = await call('DELETE', '/api/orders/4242');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), []);
  });

  it('answers 409 in plain text while the Orders feature is off; 500 after switching it on until a restart', async () => {
    standIn.setOrdersFeature(false);
    try {
      const off = await call('POST', '/api/orders', { orderNumber: 6, timeoutSeconds: 5 });
      assert.equal(off.status, 409);
      assert.match(off.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(await off.text(), 'Endpoint is disabled by setting "Orders".');
      assert.equal((await call('DELETE', '/api/orders/6')).status, 409);
      assert.equal((await call('GET', '/api/orders')).status, 409);
      // The key is checked first.
      assert.equal((await call('GET', '/api/orders', undefined, 'wrong')).status, 401);

      standIn.restart(); // Aurora started with the feature off
      standIn.setOrdersFeature(true);
      assert.equal((await call('POST', '/api/orders', { orderNumber: 6 })).status, 500);
      standIn.restart();
      assert.equal((await call('POST', '/api/orders', { orderNumber: 6 })).status, 200);
    } finally {
      standIn.setOrdersFeature(true);
      standIn.restart();
    }
  });

  it('answers 403 for an endpoint the integration user is not granted', async () => {
    const limited = await AuroraStandIn.start({ apiKey: KEY, grants: ['addOrder'] });
    try {
      const response = await fetch(`${limited.url}/api/orders/5`, {
        method: 'DELETE',
        headers: { 'x-api-key': KEY },
      });
      assert.equal(response.status, 403);
      assert.deepEqual(await response.json(), { message: 'Forbidden' });
    } finally {
      await limited.down();
    }
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
    const feature = await fetch(`${standIn.url}/__stand-in/feature`, {
      method: 'POST',
      body: '{"orders":false}',
    });
    assert.equal(feature.status, 200);
    assert.equal((await call('GET', '/api/orders')).status, 409);
    await fetch(`${standIn.url}/__stand-in/feature`, { method: 'POST', body: '{"orders":true}' });
  });
});
