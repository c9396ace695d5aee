import type { AuroraDeliveryDto } from './aurora-delivery';
import type { BoardOrderChange, BoardOrderRemoval } from './board-feed';
import type { OrderDto, RemovedOrderDto } from './order';
import type { ScreenStateDto } from './screen-state';

/** HTTP routes of the back-office (all JSON; cookie session unless noted). */
export const ADMIN_ROUTES = {
  /** POST {token} → 200 AdminSessionDto + session cookie; 401 wrong token; 429 throttled. */
  login: '/api/auth/login',
  /** POST → 204; revokes the session and clears the cookie. */
  logout: '/api/auth/logout',
  /** GET → 200 AdminSessionDto, or 401 without a valid session. */
  session: '/api/auth/session',
  /** GET /login/:token → sets the session and redirects to /admin/ (the bookmarkable link). */
  loginLink: '/login',
  /** POST {orderNumber} → 201 CreateOrderResultDto (source back-office). */
  orders: '/api/orders',
  /** DELETE /api/orders/:number → 200 RemovedOrderDto (reason staff); 404 when not on the board. */
  /** POST /api/orders/:number/recall → 200 OrderDto; 404 nothing to recall; 409 active again. */
  /** GET → 200 AdminSnapshot (same as the socket snapshot). */
  desk: '/api/admin/desk',
  /** GET → 200 { sync, outbox: {pending, retrying, failed}, deliveries: AuroraDeliveryDto[] }. */
  aurora: '/api/admin/aurora',
  /** GET → 200 AuthOptionsDto: which ways to log in this server offers (public). */
  authOptions: '/api/auth/options',
  /** GET → 200 StaffSessionDto[] (active sessions); DELETE /api/admin/sessions/:id → 204. */
  sessions: '/api/admin/sessions',
  /** GET → 302 to the OpenID provider's sign-in page (a plain link, not fetch). */
  oidcLogin: '/auth/oidc/login',
  /** GET: where the provider sends the browser back; sets the session, 302 to /admin/. */
  oidcCallback: '/auth/oidc/callback',
  /** GET → 302 to the provider's end-session page (after POST logout), or to /admin/. */
  oidcLogout: '/auth/oidc/logout',
} as const;

/** What the login screen offers. */
export interface AuthOptionsDto {
  /** The staff token (and login link) opens sessions; false with ADMIN_TOKEN_LOGIN=off. */
  tokenLogin: boolean;
  /** Sign-in with an OpenID provider, or null when not configured. */
  oidc: { providerName: string } | null;
}

/** An active staff session as the desk lists it (never its secret id). */
export interface StaffSessionDto {
  /** Public handle, for DELETE /api/admin/sessions/:id. */
  id: string;
  label: string;
  kind: AdminSessionKind;
  createdAt: string;
  expiresAt: string;
  /** The session making this request. */
  current: boolean;
}

export type AdminSessionKind = 'token' | 'oidc';

/** The session cookie's name (httpOnly; the app never reads it). */
export const ADMIN_SESSION_COOKIE = 'hubble_session';

/** A removed order can be recalled (put back on the board) for this long after its removal. */
export const RECALL_WINDOW_SECONDS = 15 * 60;

export interface LoginRequest {
  token: string;
}

/** Who is logged in: a short non-secret label for the device's session, and when it ends. */
export interface AdminSessionDto {
  /** The device ("iPad · 3f9a") or, when a person signed in, their name and e-mail. */
  label: string;
  expiresAt: string;
  /** `oidc` when a person signed in with the OpenID provider (logout also ends theirs). */
  kind: AdminSessionKind;
}

export interface CreateOrderRequest {
  orderNumber: number;
}

export interface CreateOrderResultDto {
  order: OrderDto;
  /** True when the number was already on the board and only its time was renewed. */
  refreshed: boolean;
}

export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'order.add',
  'order.refresh',
  'order.remove',
  'order.recall',
  'session.end',
  'screen-state.open',
  'screen-state.last-call',
  'screen-state.closed',
  'screen-state.evacuation',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One staff action in the audit trail. */
export interface AuditEntryDto {
  id: number;
  at: string;
  action: AuditAction;
  orderNumber: number | null;
  /** The session's label (e.g. "iPad · 3f9a"); never the session id or token. */
  session: string;
}

/** Everything the desk shows, consistent at `version` (the board feed's version). */
export interface AdminSnapshot {
  version: number;
  active: OrderDto[];
  /** Removed within {@link RECALL_WINDOW_SECONDS}, newest removal first; recallable unless active. */
  recentlyRemoved: RemovedOrderDto[];
  /** Aurora delivery state of each active order (state `off` when sync is off). */
  deliveries: AuroraDeliveryDto[];
  /** Latest staff actions, newest first. */
  activity: AuditEntryDto[];
  /** The server's clock when the snapshot was taken, ISO 8601 (for countdowns on a skewed device). */
  serverTime: string;
  /** The café's state (open, last call, closed, evacuation); added by the /admin feed. */
  screenState?: ScreenStateDto;
}

/** Socket.IO namespace of the back-office feed; only a valid session cookie may join. */
export const ADMIN_NAMESPACE = '/admin';

export const ADMIN_EVENTS = {
  snapshot: 'snapshot',
  created: 'order.created',
  refreshed: 'order.refreshed',
  removed: 'order.removed',
  delivery: 'aurora.delivery',
  activity: 'activity',
  screenState: 'screen-state',
  /** The session ended (logout or expiry); the client should show the login screen. */
  sessionEnded: 'session.ended',
} as const;

/** Client → server: ask for a fresh snapshot (after a version gap). */
export const ADMIN_SYNC = 'sync';

export interface AdminServerEvents {
  snapshot: (payload: AdminSnapshot) => void;
  'order.created': (payload: BoardOrderChange) => void;
  'order.refreshed': (payload: BoardOrderChange) => void;
  'order.removed': (payload: BoardOrderRemoval) => void;
  'aurora.delivery': (payload: AuroraDeliveryDto) => void;
  activity: (payload: AuditEntryDto) => void;
  'screen-state': (payload: ScreenStateDto) => void;
  'session.ended': () => void;
}

export interface AdminClientEvents {
  sync: () => void;
}
