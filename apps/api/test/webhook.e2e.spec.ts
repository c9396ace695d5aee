import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

describe('Star Community webhook', () => {
  const signer = new WebhookSigner();
  let store: TestStore;
  let server: ServerProcess;

  const orders = async () => (await (await fetch(`${server.url}/api/orders`)).json()) as unknown[];

  async function expectRefused(response: Response, status: number, message: RegExp) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { message: string };
    expect(body.message).toMatch(message);
    expect(await orders()).toEqual([]);
  }

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  it('accepts a signed order, stored before the answer', async () => {
    const response = await signer.send(server.url, '{"orderNumber": 850}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted', orderNumber: 850 });
    expect(await orders()).toEqual([expect.objectContaining({ number: 850 })]);

    const again = await signer.send(server.url, '{"orderNumber":850}', {
      'content-encoding': 'identity',
      'x-signature': signer.signature('{"orderNumber":850}'),
    });
    expect(again.status).toBe(200);
    expect(await orders()).toHaveLength(1);
    await fetch(`${server.url}/api/orders`); // keep the server warm for the refusals below
  });

  it('answers on its own lane as any API route would: request id, security headers, log line', async () => {
    const response = await signer.send(server.url, '{"orderNumber":851}', {
      'x-request-id': 'hook-851',
      'x-signature': signer.signature('{"orderNumber":851}'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('hook-851');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const refused = await signer.send(server.url, '{"orderNumber":852}', {
      'x-request-id': 'hook-852',
      'x-signature': signer.signature('{"orderNumber":853}'),
    });
    expect(refused.status).toBe(401);

    const lines = (await server.logsUpToNow())
      .split('\n')
      .filter((line) => line.includes('"id":"hook-85'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const request = { method: 'POST', url: '/api/orders/webhook' };
    expect(lines).toEqual([
      expect.objectContaining({
        req: expect.objectContaining({ id: 'hook-851', ...request }),
        msg: 'Order 851 accepted from webhook',
      }),
      expect.objectContaining({
        req: expect.objectContaining({ id: 'hook-851' }),
        res: { statusCode: 200 },
        msg: 'request completed',
      }),
      expect.objectContaining({
        req: expect.objectContaining({ id: 'hook-852' }),
        msg: expect.stringMatching(/^Webhook refused with 401/),
      }),
      expect.objectContaining({
        req: expect.objectContaining({ id: 'hook-852', ...request }),
        res: { statusCode: 401 },
        level: 40,
        msg: 'request completed',
      }),
    ]);
    // Other methods on the path are not the webhook: the API's usual 404.
    expect((await fetch(`${server.url}/api/orders/webhook`)).status).toBe(404);
  });

  describe('refusals change nothing', () => {
    beforeAll(async () => {
      // Start the refusal cases from an empty board.
      await server.stop();
      await store.dispose();
      store = await createTestStore('sqlite');
      server = await ServerProcess.start({
        ...store.env,
        STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
      });
    });

    it.each([
      ['0', '{"orderNumber":0}'],
      ['100000', '{"orderNumber":100000}'],
      ['12.5', '{"orderNumber":12.5}'],
      ['"12a"', '{"orderNumber":"12a"}'],
      ['""', '{"orderNumber":""}'],
      ['null', '{"orderNumber":null}'],
      ['a missing orderNumber', '{"order":42}'],
      ['a JSON array', '[42]'],
      ['8.0001e4 (an exponent)', '{"orderNumber":8.0001e4}'],
      ['8e4', '{"orderNumber":8e4}'],
      ['80002.0 (a fraction)', '{"orderNumber":80002.0}'],
      ['-0', '{"orderNumber":-0}'],
      ['an object', '{"orderNumber":{"value":5}}'],
    ])('400 for order number %s', async (_label, body) => {
      await expectRefused(await signer.send(server.url, body), 400, /orderNumber must be/);
    });

    it.each([
      ['orderNumber twice', '{"orderNumber":5,"orderNumber":6}', 'orderNumber'],
      ['orderNumber twice, once escaped', '{"orderNumber":5,"order\\u004Eumber":6}', 'orderNumber'],
      ['a key twice in a nested object', '{"orderNumber":5,"meta":{"a":1,"a":2}}', 'a'],
    ])('400 for a signed body with %s', async (_label, body, key) => {
      await expectRefused(
        await signer.send(server.url, body),
        400,
        new RegExp(`key "${key}" more than once`),
      );
    });

    it('400 for a signed body that is not UTF-8', async () => {
      const body = Buffer.concat([
        Buffer.from('{"orderNumber":5,"x":"'),
        Buffer.from([0xff]),
        Buffer.from('"}'),
      ]);
      await expectRefused(await signer.send(server.url, body), 400, /not valid JSON/);
    });

    it.each(['gzip', 'br', 'deflate', 'x-unknown'])(
      '415 for Content-Encoding %s, whichever bytes were signed',
      async (encoding) => {
        const body = '{"orderNumber":5}';
        const compressed =
          encoding === 'br'
            ? brotliCompressSync(body)
            : encoding === 'deflate'
              ? deflateSync(body)
              : gzipSync(body);
        for (const signature of [signer.signature(body), signer.signature(compressed)]) {
          await expectRefused(
            await signer.send(server.url, compressed, {
              'content-encoding': encoding,
              'x-signature': signature,
            }),
            415,
            /Content-Encoding .* is not accepted/,
          );
        }
      },
    );

    it('400 for a body that is not JSON', async () => {
      await expectRefused(
        await signer.send(server.url, '{"orderNumber": 4'),
        400,
        /not valid JSON/,
      );
    });

    it('413 for a body over 16 KB, such as a 1 MB string', async () => {
      const body = JSON.stringify({ orderNumber: 'x'.repeat(1024 * 1024) });
      await expectRefused(await signer.send(server.url, body), 413, /too large/);
    });

    it('takes its cap from WEBHOOK_BODY_LIMIT_BYTES: 3 KB is 400 here, 413 under a 2 KB cap', async () => {
      const body = JSON.stringify({ orderNumber: 'x'.repeat(3 * 1024) });
      await expectRefused(await signer.send(server.url, body), 400, /orderNumber/);
      const capped = await ServerProcess.start({
        ...store.env,
        STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
        WEBHOOK_BODY_LIMIT_BYTES: '2048',
      });
      try {
        const response = await signer.send(capped.url, body);
        expect(response.status).toBe(413);
        expect(((await response.json()) as { message: string }).message).toMatch(/too large/);
      } finally {
        await capped.stop();
      }
      expect(await orders()).toEqual([]);
    });

    it('401 without a signature', async () => {
      await expectRefused(await signer.send(server.url, '{"orderNumber":5}', {}), 401, /missing/);
    });

    it('401 for a signature that is not base64', async () => {
      await expectRefused(
        await signer.send(server.url, '{"orderNumber":5}', { 'x-signature': 'not base64!' }),
        401,
        /not a base64/,
      );
    });

    it('401 for a signature by another key', async () => {
      const body = '{"orderNumber":5}';
      const forged = new WebhookSigner().signature(body);
      await expectRefused(
        await signer.send(server.url, body, { 'x-signature': forged }),
        401,
        /does not match/,
      );
    });

    it('401 when the body was re-serialised with other whitespace (raw bytes count)', async () => {
      const signedBody = '{"orderNumber":5}';
      const signature = signer.signature(signedBody);
      await expectRefused(
        await signer.send(server.url, '{ "orderNumber": 5 }', { 'x-signature': signature }),
        401,
        /does not match/,
      );
    });

    it('never logs the signature itself', async () => {
      const signature = signer.signature('{"orderNumber":5}');
      const logs = await server.logsUpToNow();
      expect(logs).not.toContain(signature.slice(0, 40));
      expect(logs).toMatch(/Webhook refused with 401/);
    });
  });
});

describe('the log of a stopped server', () => {
  it('holds the lines of the last order before a SIGTERM (what is buffered is written at shutdown)', async () => {
    const signer = new WebhookSigner();
    const store = await createTestStore('sqlite');
    const server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
    });
    try {
      await signer.sendOrder(server.url, 4242);
      // At once: the order's lines are still in the log's batch (written every 20 ms).
      await server.stop('SIGTERM');
      await waitUntil(
        () => server.logs.includes('"msg":"Order 4242 accepted from webhook"'),
        10_000,
        'the last order’s log line after the stop',
      );
    } finally {
      await server.stop('SIGKILL');
      await store.dispose();
    }
  });
});
