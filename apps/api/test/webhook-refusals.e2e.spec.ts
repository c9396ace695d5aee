import { NginxProxy, nginxAvailable } from './support/nginx';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

if (!nginxAvailable() && process.env['CI']) {
  throw new Error('nginx (Debian package) is required under CI: apt-get install -y nginx');
}

/** The POS's address as a proxy in front of us reports it. */
const POS_ADDRESS = '203.0.113.7';

describe('forged webhooks never cost a signed one', () => {
  const starCommunity = new WebhookSigner();
  const forger = new WebhookSigner();
  let store: TestStore;
  let server: ServerProcess;

  const orders = async () =>
    ((await (await fetch(`${server.url}/api/orders`)).json()) as { number: number }[]).map(
      (order) => order.number,
    );

  /** Sends `count` forged webhooks at once; returns their statuses. */
  const forge = async (baseUrl: string, count: number, headers: Record<string, string> = {}) => {
    const responses = await Promise.all(
      Array.from({ length: count }, (_, n) => {
        const body = JSON.stringify({ orderNumber: 500 + n });
        return forger.send(baseUrl, body, { 'x-signature': forger.signature(body), ...headers });
      }),
    );
    return responses.map((response) => response.status);
  };

  beforeEach(async () => {
    store = await createTestStore('sqlite');
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: starCommunity.writePublicKeyFile(),
    });
  });

  afterEach(async () => {
    await server?.stop();
    await store?.dispose();
  });

  it('30 forged webhooks from one address, then a signed one from it: 200 and stored', async () => {
    const statuses = await forge(server.url, 30);
    expect(statuses.toSorted()).toEqual([
      ...Array<number>(20).fill(401),
      ...Array<number>(10).fill(429),
    ]);

    await starCommunity.sendOrder(server.url, 42);
    expect(await orders()).toEqual([42]);
    // Also when the signed one arrives while the forgeries go on.
    const [, signed] = await Promise.all([
      forge(server.url, 10),
      starCommunity.send(server.url, '{"orderNumber":43}'),
    ]);
    expect(signed.status).toBe(200);
    expect((await orders()).sort()).toEqual([42, 43]);
  });

  (nginxAvailable() ? it : it.skip)(
    'through a loopback proxy, forgeries that claim the POS address in X-Forwarded-For do not block it',
    async () => {
      const nginx = await NginxProxy.start([Number(new URL(server.url).port)]);
      try {
        const statuses = await forge(nginx.url, 30, { 'x-forwarded-for': POS_ADDRESS });
        const expected = [...Array<number>(20).fill(401), ...Array<number>(10).fill(429)];
        // A 5xx here would be nginx's (an upstream it marked failed): say why.
        if (statuses.toSorted().join() !== expected.join()) console.error(nginx.errorLog());
        expect(statuses.toSorted()).toEqual(expected);
        // Only the proxy's own peer is believed (TRUST_PROXY), so the forgeries count against the
        // address nginx saw, never against the POS address they claim.
        const logs = await server.logsUpToNow();
        expect(logs).toMatch(/Refused webhooks from \S+ exceed 20/);
        expect(logs).not.toContain(`Refused webhooks from ${POS_ADDRESS} exceed 20`);

        const body = '{"orderNumber":44}';
        const signed = await starCommunity.send(nginx.url, body, {
          'x-signature': starCommunity.signature(body),
          'x-forwarded-for': POS_ADDRESS,
        });
        expect(signed.status).toBe(200);
        await starCommunity.sendOrder(nginx.url, 45);
        await starCommunity.sendOrder(server.url, 46);
        expect((await orders()).sort()).toEqual([44, 45, 46]);
      } finally {
        await nginx.stop();
      }
    },
  );
});
