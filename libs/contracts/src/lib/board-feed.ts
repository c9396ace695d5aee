import type { OrderDto, RemovedOrderDto } from './order';
import type { ScreenStateDto } from './screen-state';

/** Socket.IO namespace of the customers' board feed. */
export const BOARD_NAMESPACE = '/board';

/** Server → client event names on the board feed; client → server: {@link BOARD_SYNC}. */
export const BOARD_EVENTS = {
  snapshot: 'snapshot',
  created: 'order.created',
  refreshed: 'order.refreshed',
  removed: 'order.removed',
  screenState: 'screen-state',
} as const;

/** Sent by a client that noticed a version gap; the server answers with a fresh snapshot. */
export const BOARD_SYNC = 'sync';

/**
 * `version` rises by exactly one per change. A client holding version v expects v + 1 next;
 * anything else means it missed a change and must emit {@link BOARD_SYNC}.
 */
export interface BoardSnapshot {
  version: number;
  orders: OrderDto[];
  /** The café's state; always sent by the server (absent only in a snapshot kept on a device). */
  screenState?: ScreenStateDto;
}

export interface BoardOrderChange {
  version: number;
  order: OrderDto;
}

export interface BoardOrderRemoval {
  version: number;
  order: RemovedOrderDto;
}

export interface BoardServerEvents {
  snapshot: (payload: BoardSnapshot) => void;
  'order.created': (payload: BoardOrderChange) => void;
  'order.refreshed': (payload: BoardOrderChange) => void;
  'order.removed': (payload: BoardOrderRemoval) => void;
  'screen-state': (payload: ScreenStateDto) => void;
}

export interface BoardClientEvents {
  sync: () => void;
}
