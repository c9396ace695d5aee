import { InjectionToken } from '@angular/core';
import { ADMIN_NAMESPACE, ADMIN_SYNC, type AdminServerEvents } from '@hubble/contracts';
import { type LiveSocket, openLiveSocket } from '@hubble/ui';

/** The `/admin` feed's connection; tests hand in a fake. */
export type DeskSocket = LiveSocket<AdminServerEvents>;

export type DeskSocketFactory = () => DeskSocket;

/** Opens the real Socket.IO connection to `/admin` on this page's origin (the cookie goes along). */
export const DESK_SOCKET = new InjectionToken<DeskSocketFactory>('DESK_SOCKET', {
  providedIn: 'root',
  factory: () => () => openLiveSocket<AdminServerEvents>(ADMIN_NAMESPACE, ADMIN_SYNC),
});
