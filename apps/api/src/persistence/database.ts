import type { Generated } from 'kysely';
import type { AuditAction, OrderSource, RemovedReason } from '@hubble/contracts';

/** Times are epoch milliseconds in both stores (SQLite INTEGER, PostgreSQL BIGINT). */
export interface OrdersTable {
  id: Generated<number>;
  number: number;
  source: OrderSource;
  created_at: number;
  expires_at: number;
  removed_at: number | null;
  removed_reason: RemovedReason | null;
  /** How often the order was called again while on the board (a refresh). */
  refresh_count: Generated<number>;
}

/**
 * One row (id = 1). `version` counts every change to the set of active orders; it is bumped in
 * the same transaction as the change, which also serialises writers on both stores.
 */
export interface FeedStateTable {
  id: number;
  version: number;
}

export type AuroraAction = 'add' | 'remove';
/** `dropped`: skipped on purpose (the add of an order no longer active, or a remove with no add). */
export type OutboxState = 'pending' | 'retrying' | 'delivered' | 'failed' | 'dropped';

/**
 * Aurora calls to make, written in the same transaction as the order change they follow, so a
 * crash between the two cannot lose a call. Entries for one number are delivered in id order.
 */
export interface AuroraOutboxTable {
  id: Generated<number>;
  order_id: number;
  number: number;
  action: AuroraAction;
  /** `change` follows an order event; `reassert` re-adds an active order after a while. */
  cause: 'change' | 'reassert' | 'refused-retry';
  created_at: number;
  /** Not before this moment (epoch ms): the retry backoff. */
  due_at: number;
  state: OutboxState;
  attempts: number;
  /** An instance working on the entry holds it until then; afterwards anyone may take it. */
  claimed_until: number | null;
  last_error: string | null;
  updated_at: number;
  /** 1 when an attempt may have reached Aurora unanswered (timeout, cut, lost claim). */
  maybe_sent: Generated<number>;
}

/** One row (id = 1): serialises outbox claims and holds when the next re-assert is due. */
export interface AuroraSyncTable {
  id: number;
  reassert_due_at: number;
}

/**
 * A staff session. The cookie holds a random id; only HMAC-SHA256(ADMIN_TOKEN, id) is stored,
 * so a leaked table opens nothing, and changing ADMIN_TOKEN invalidates every session.
 */
export interface AdminSessionsTable {
  id_hash: string;
  /** Short non-secret label for the audit trail, e.g. "iPad · 3f9a". */
  label: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** Public, non-secret id of the session: staff list and end sessions by it. */
  handle: string | null;
  /** How it was opened: `token` (staff token or login link) or `oidc` (a person signed in). */
  kind: Generated<'token' | 'oidc'>;
}

/** A sign-in with the OpenID provider in progress, keyed by a hash of its browser cookie. */
export interface OidcLoginsTable {
  flow_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: number;
}

export interface AdminAuditTable {
  id: Generated<number>;
  at: number;
  action: AuditAction;
  order_number: number | null;
  session_label: string;
}

/** The VAPID key pair generated when none is configured (one row, id = 1). */
export interface PushVapidTable {
  id: number;
  public_key: string;
  private_key: string;
  created_at: number;
}

/** A follower's browser push subscription; deleted at expires_at (the 12 h follow memory). */
export interface PushSubscriptionsTable {
  id: Generated<number>;
  endpoint: string;
  p256dh: string;
  auth: string;
  order_number: number;
  lang: string;
  created_at: number;
  expires_at: number;
}

export type PushDeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed' | 'dropped';

/**
 * One push to one subscription, queued in the transaction of the order change that causes it
 * (kind `ready` / `again`), or by a broadcast (kind `broadcast`, texts in `message`).
 */
export interface PushDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  order_id: number | null;
  number: number | null;
  kind: 'ready' | 'again' | 'broadcast';
  /** JSON of a broadcast's texts and tag; null for order pushes. */
  message: string | null;
  created_at: number;
  due_at: number;
  /** Pointless after this moment (the order's end): no retry beyond it, and the push's TTL. */
  expires_at: number;
  state: PushDeliveryState;
  attempts: number;
  claimed_until: number | null;
  last_error: string | null;
  updated_at: number;
}

export interface Tables {
  orders: OrdersTable;
  feed_state: FeedStateTable;
  aurora_outbox: AuroraOutboxTable;
  aurora_sync: AuroraSyncTable;
  admin_sessions: AdminSessionsTable;
  admin_audit: AdminAuditTable;
  oidc_logins: OidcLoginsTable;
  push_vapid: PushVapidTable;
  push_subscriptions: PushSubscriptionsTable;
  push_deliveries: PushDeliveriesTable;
}

export type StoreKind = 'sqlite' | 'postgres';
