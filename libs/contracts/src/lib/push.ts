/** Web Push for "follow my order": the routes the board calls and the shapes they carry. */
export const PUSH_ROUTES = {
  /** POST PushSubscriptionRequest → 201; DELETE {endpoint} → 204. */
  subscriptions: '/api/push/subscriptions',
  /** GET → 200 {publicKey} (the VAPID public key, base64url). */
  publicKey: '/api/push/public-key',
} as const;

export const PUSH_LANGS = ['nl', 'en'] as const;
export type PushLang = (typeof PUSH_LANGS)[number];

/** What a browser's PushSubscription.toJSON() gives, as the board sends it. */
export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushSubscriptionRequest {
  orderNumber: number;
  subscription: PushSubscriptionJson;
  lang: PushLang;
}

export interface PushPublicKeyDto {
  publicKey: string;
}

/** The notification tag of an order: a second call replaces the first notification. */
export function pushTagFor(orderNumber: number): string {
  return `order-${orderNumber}`;
}

/**
 * `data` of a push notification (read by the board, and by Angular's service worker for
 * `onActionClick`).
 */
export interface PushNotificationData {
  orderNumber?: number;
  kind: 'ready' | 'again' | 'broadcast';
  onActionClick: { default: { operation: 'focusLastFocusedOrOpen'; url: string } };
}
