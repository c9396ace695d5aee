import { BoardClient } from './support/board-client';
import { ServerProcess } from './support/server-process';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

interface ListedOrder {
  number: number;
  expiresAt: string;
}

const listOrders = async (url: string) =>
  (await (await fetch(`${url}/api/orders`)).json()) as ListedOrder[];

describe.each(STORE_KINDS)('surviving a SIGKILL on %s', (kind) => {
  const signer = new WebhookSigner();
  const keyFile = signer.writePublicKeyFile();
  let store: TestStore;
  const servers: ServerProcess[] = [];
  let board: BoardClient | undefined;

  const start = async (timeoutSeconds: number) => {
    const server = await ServerProcess.start({
      ...store.env,
      ORDER_TIMEOUT_SECONDS: String(timeoutSeconds),
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    });
    servers.push(server);
    return server;
  };

  beforeEach(async () => {
    store = await createTestStore(kind);
  });

  afterEach(async () => {
    board?.close();
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    await store.dispose();
  });

  it('keeps an acknowledged order, which still leaves at its original expiresAt', async () => {
    // Long enough for a restart on a loaded machine (12 s was not, once), so the order is still
    // due when it is back.
    const first = await start(30);
    await signer.sendOrder(first.url, 7);
    const [before] = await listOrders(first.url);
    await first.stop('SIGKILL');

    const second = await start(30);
    if (Date.now() >= Date.parse(before.expiresAt)) {
      throw new Error('The restart took longer than the order lives (30 s): nothing to check');
    }
    expect(await listOrders(second.url)).toEqual([before]);

    board = new BoardClient(second.url);
    const removed = await board.waitFor((e) => e.name === 'order.removed', 60_000);
    const order = (removed.payload as { order: Record<string, string> }).order;
    expect(order['expiresAt']).toBe(before.expiresAt);
    const lateMs = Date.parse(order['removedAt']) - Date.parse(before.expiresAt);
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(5000); // re-based on the restart it would be seconds late
  }, 180_000); // two server starts (up to 60 s each on a loaded machine) and the order's 30 s

  it('removes orders that fell due while the server was down, at start', async () => {
    const first = await start(1);
    await signer.sendOrder(first.url, 15);
    const dueBy = Date.now() + 1000; // stored before the answer, so it expires by then
    await first.stop('SIGKILL');
    // Due while the server is down: its time is up before the second start.
    await waitUntil(
      () => Date.now() > dueBy,
      5000,
      'order 15 to fall due while the server is down',
    );

    const second = await start(1);
    board = new BoardClient(second.url);
    const snapshot = await board.waitFor((e) => e.name === 'snapshot');
    expect(snapshot.numbers).toEqual([]);
    expect(await listOrders(second.url)).toEqual([]);
  });

  it('SIGKILL during a 500-webhook burst loses 0 acknowledged orders and doubles none', async () => {
    const first = await start(600);
    const numbers = Array.from({ length: 500 }, (_, index) => index + 1000);
    const acknowledged: number[] = [];
    let killed: Promise<void> | undefined;
    await Promise.allSettled(
      numbers.map(async (number) => {
        const response = await signer.send(first.url, JSON.stringify({ orderNumber: number }));
        if (response.status === 200) acknowledged.push(number);
        if (acknowledged.length >= 100) killed ??= first.stop('SIGKILL');
      }),
    );
    await (killed ?? first.stop('SIGKILL'));
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);

    const second = await start(600);
    const listed = (await listOrders(second.url)).map((order) => order.number);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(acknowledged));
  }, 90_000);
});
