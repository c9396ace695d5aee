import { BoardClient } from './support/board-client';
import { ServerProcess } from './support/server-process';
import { createTestStore, STORE_KINDS, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

describe.each(STORE_KINDS)('board feed over Socket.IO on %s', (kind) => {
  const signer = new WebhookSigner();
  let store: TestStore;
  let server: ServerProcess;
  const clients: BoardClient[] = [];

  const connect = () => {
    const client = new BoardClient(server.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    server = await ServerProcess.start({
      ...store.env,
      ORDER_TIMEOUT_SECONDS: '2',
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
    });
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await server?.stop();
    await store?.dispose();
  });

  it('sends the snapshot, then the created order, then its removal at expiry', async () => {
    const board = connect();
    const snapshot = await board.waitFor((e) => e.name === 'snapshot');
    expect(snapshot.numbers).toEqual([]);

    await signer.sendOrder(server.url, 42);
    const created = await board.waitFor((e) => e.name === 'order.created');
    const removed = await board.waitFor((e) => e.name === 'order.removed', 5000);

    expect(board.events.map((e) => [e.name, e.version, e.numbers])).toEqual([
      ['snapshot', snapshot.version, []],
      ['order.created', snapshot.version + 1, [42]],
      ['order.removed', snapshot.version + 2, [42]],
    ]);
    const order = (removed.payload as { order: Record<string, string> }).order;
    expect(order['removedReason']).toBe('expired');
    const lateMs = Date.parse(order['removedAt']) - Date.parse(order['expiresAt']);
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(5000); // a bound of seconds: timers run late on a loaded box
    expect(created.payload).toMatchObject({ order: { number: 42, source: 'star-community' } });
  });

  it('announces a repeated number as a refresh, and GET /api/orders lists one copy', async () => {
    const board = connect();
    const snapshot = await board.waitFor((e) => e.name === 'snapshot');

    await signer.sendOrder(server.url, 8);
    await signer.sendOrder(server.url, 8);
    await board.waitFor((e) => e.name === 'order.refreshed');

    const listed = (await (await fetch(`${server.url}/api/orders`)).json()) as unknown[];
    expect(listed).toEqual([expect.objectContaining({ number: 8, source: 'star-community' })]);
    expect(board.events.map((e) => [e.name, e.version])).toEqual([
      ['snapshot', snapshot.version],
      ['order.created', snapshot.version + 1],
      ['order.refreshed', snapshot.version + 2],
    ]);
  });

  it('answers sync with a fresh snapshot of the current state and version', async () => {
    const board = connect();
    await board.waitFor((e) => e.name === 'snapshot');
    await signer.sendOrder(server.url, 77);
    const created = await board.waitFor((e) => e.name === 'order.created');

    board.sync();
    const resynced = await board.waitFor(
      (e) => e.name === 'snapshot' && e.version > 0 && e !== board.events[0],
    );
    expect(resynced.version).toBe(created.version);
    expect(resynced.numbers).toContain(77);
  });

  it('sends the same change to every connected board', async () => {
    const [first, second] = [connect(), connect()];
    await Promise.all([first, second].map((b) => b.waitFor((e) => e.name === 'snapshot')));

    await signer.sendOrder(server.url, 31);
    const [a, b] = await Promise.all(
      [first, second].map((board) =>
        board.waitFor((e) => e.name === 'order.created' && e.numbers[0] === 31),
      ),
    );
    expect(a.version).toBe(b.version);
  });
});
