import { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { BOARD_EVENTS, BOARD_NAMESPACE, type OrderDto } from '@hubble/contracts';
import { Metrics } from '../metrics';
import { OrderChangedEvent, type OrdersService } from '../orders';
import type { ScreenStateService } from '../screen-state';
import { BoardGateway } from './board.gateway';
import { DirectFrameAdapter } from './direct-frame-adapter';

const ORDER: OrderDto = {
  number: 42,
  source: 'star-community',
  createdAt: '2026-12-07T12:00:00.000Z',
  expiresAt: '2026-12-07T12:05:00.000Z',
};

/** Resolves after the immediates queued so far have run: one turn of the event loop. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The gateway on a real Socket.IO namespace; what it broadcasts is recorded, not sent. */
function gatewayOn(adapter: typeof Adapter) {
  // Not attached to an HTTP server: nothing listens, nothing needs closing.
  const io = new Server({ adapter });
  const namespace = io.of(BOARD_NAMESPACE);
  const broadcasts: unknown[][] = [];
  namespace.emit = ((...args: unknown[]) => broadcasts.push(args) > 0) as typeof namespace.emit;
  // Snapshots are read only when a board connects, which these tests do not do.
  const gateway = new BoardGateway({} as OrdersService, {} as ScreenStateService, new Metrics());
  Object.assign(gateway, { namespace });
  return { gateway, broadcasts };
}

describe('BoardGateway', () => {
  it('broadcasts a change in the turn after the request made it, on one instance', async () => {
    const { gateway, broadcasts } = gatewayOn(DirectFrameAdapter);
    gateway.onCreated(new OrderChangedEvent(7, ORDER, performance.now()));
    expect(broadcasts).toEqual([]);

    await nextTurn();
    expect(broadcasts).toEqual([[BOARD_EVENTS.created, { version: 7, order: ORDER }]]);
  });

  it('waits a second turn with an adapter that writes a broadcast at once (Redis)', async () => {
    const { gateway, broadcasts } = gatewayOn(Adapter);
    gateway.onCreated(new OrderChangedEvent(7, ORDER, performance.now()));
    gateway.onRefreshed(new OrderChangedEvent(8, ORDER, performance.now()));

    await nextTurn();
    expect(broadcasts).toEqual([]);
    await nextTurn();
    expect(broadcasts).toEqual([
      [BOARD_EVENTS.created, { version: 7, order: ORDER }],
      [BOARD_EVENTS.refreshed, { version: 8, order: ORDER }],
    ]);
  });
});
