import type { AddressInfo } from 'node:net';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { InProcessApp } from './support/in-process-app';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

/**
 * The order webhook's lane sits ahead of the app's middleware, but not ahead of Nest's refusal of
 * new requests once a shutdown has begun: a proxy in front retries a 503 on another instance.
 */
describe('the order webhook lane during a shutdown', () => {
  const signer = new WebhookSigner();
  let store: TestStore;
  let instance: InProcessApp;
  let url: string;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    instance = await InProcessApp.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
    });
    await instance.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(instance.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await instance?.close();
    await store?.dispose();
  });

  it('takes orders until the shutdown begins, then answers 503 with Connection: close', async () => {
    expect((await signer.send(url, '{"orderNumber":61}')).status).toBe(200);

    // What app.close() does first, before the store or the server close.
    (instance.app.getHttpAdapter() as ExpressAdapter).beforeClose();
    const refused = await signer.send(url, '{"orderNumber":62}');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect((await instance.orders.listActive()).map((order) => order.number)).toEqual([61]);
  });
});
