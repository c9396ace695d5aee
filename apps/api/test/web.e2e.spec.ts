import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

// The test target builds board and admin first; main.js serves them from dist/apps.
describe('one process serves the whole product', () => {
  let store: TestStore;
  let server: ServerProcess;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: new WebhookSigner().writePublicKeyFile(),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  const get = (path: string) => fetch(`${server.url}${path}`);

  it('serves the board at /', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<base href="\/"\/?>[\s\S]*<app-root/);
  });

  it('serves the back-office at /admin/, also for deep links', async () => {
    for (const path of ['/admin/', '/admin/orders']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<base href="\/admin\/"\/?>/);
    }
  });

  it('keeps API paths out of the board fallback: unknown ones are JSON 404s', async () => {
    const response = await get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });

  it('answers /health with the store state', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      store: { kind: 'sqlite', status: 'up' },
      webhookKey: 'held',
      aurora: { sync: 'off', outbox: { pending: 0, retrying: 0, failed: 0 } },
    });
  });
});
