import { KeyServer } from './support/key-server';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

describe('Star Community public key from its URL', () => {
  const oldKey = new WebhookSigner();
  const newKey = new WebhookSigner();
  let keyServer: KeyServer;
  let store: TestStore;
  let server: ServerProcess | undefined;

  const health = async () =>
    (await (await fetch(`${server?.url}/health`)).json()) as { webhookKey: string };
  const orders = async () =>
    (await (await fetch(`${server?.url}/api/orders`)).json()) as { number: number }[];

  beforeEach(async () => {
    keyServer = new KeyServer(oldKey.publicKeyPem);
    await keyServer.start();
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await keyServer.stop();
    await store.dispose();
  });

  const start = async () => {
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_URL: keyServer.url,
    });
    return server;
  };

  it('fetches the key at start and accepts the first webhook signed with a rotated key', async () => {
    const { url } = await start();
    expect(await health()).toMatchObject({ webhookKey: 'held' });
    await oldKey.sendOrder(url, 1);

    keyServer.serve(newKey.publicKeyPem);
    await newKey.sendOrder(url, 2);

    expect((await orders()).map((order) => order.number).sort()).toEqual([1, 2]);
  });

  it('keeps accepting webhooks with the cached key when the key server goes down', async () => {
    const { url } = await start();
    await keyServer.stop();

    await oldKey.sendOrder(url, 3);
    await oldKey.sendOrder(url, 4);
    expect((await orders()).map((order) => order.number).sort()).toEqual([3, 4]);
  });

  it('answers 503 with a JSON message while no key was ever fetched, and stores nothing', async () => {
    await keyServer.stop();
    const { url } = await start();
    expect(await health()).toMatchObject({ webhookKey: 'missing' });

    const response = await oldKey.send(url, '{"orderNumber":5}');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/public key/) });
    expect(await orders()).toEqual([]);
  });

  it('rate-limits an address that keeps sending forgeries, with 429', async () => {
    const { url } = await start();
    const forger = new WebhookSigner();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) {
      statuses.push((await forger.send(url, `{"orderNumber":${attempt + 1}}`)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(21)).toEqual(Array(4).fill(429));
    expect(await orders()).toEqual([]);
    expect(server?.logs.match(/blocked for 60 s/g)).toHaveLength(1);
  });
});
