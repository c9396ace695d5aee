import { type PushLang, type PushNotificationData, pushTagFor } from '@hubble/contracts';

const TEXTS: Record<
  PushLang,
  { title: string; ready: (n: number) => string; again: (n: number) => string }
> = {
  en: {
    title: 'Your order is ready',
    ready: (n) => `Order ${n} is ready: please collect it at the counter.`,
    again: (n) => `Order ${n} has been called again: please collect it at the counter.`,
  },
  nl: {
    title: 'Je bestelling is klaar',
    ready: (n) => `Bestelling ${n} is klaar: haal hem op aan de bar.`,
    again: (n) => `Bestelling ${n} is nog een keer omgeroepen: haal hem op aan de bar.`,
  },
};

/** How the café's notifications look. */
export interface NotificationLook {
  /** The café's logo (BRAND_LOGO_URL or its file in DATA_DIR), else the app icon. */
  icon: string;
  /** BRAND_NAME, put before each title; null for the built-in look. */
  brandName: string | null;
}

/** A broadcast's texts per language, as another module hands them over. */
export interface BroadcastMessage {
  tag: string;
  texts: Record<PushLang, { title: string; body: string }>;
}

const VIBRATION = [300, 120, 300, 120, 300];

function lang(value: string): PushLang {
  return value === 'nl' ? 'nl' : 'en';
}

/**
 * The push payload in the shape Angular's service worker shows by itself
 * (`{ notification: {...} }`); `onActionClick` makes a tap open or focus the board.
 */
function payload(
  look: NotificationLook,
  title: string,
  body: string,
  tag: string,
  language: PushLang,
  data: Omit<PushNotificationData, 'onActionClick'>,
): string {
  const notificationData: PushNotificationData = {
    ...data,
    onActionClick: { default: { operation: 'focusLastFocusedOrOpen', url: '/' } },
  };
  return JSON.stringify({
    notification: {
      title: look.brandName ? `${look.brandName}: ${title}` : title,
      body,
      tag,
      lang: language,
      renotify: true,
      requireInteraction: true,
      vibrate: VIBRATION,
      icon: look.icon,
      badge: '/icons/badge-96.png',
      data: notificationData,
    },
  });
}

export function orderPushPayload(
  look: NotificationLook,
  number: number,
  kind: 'ready' | 'again',
  subscriberLang: string,
): string {
  const language = lang(subscriberLang);
  const texts = TEXTS[language];
  return payload(look, texts.title, texts[kind](number), pushTagFor(number), language, {
    orderNumber: number,
    kind,
  });
}

export function broadcastPushPayload(
  look: NotificationLook,
  message: BroadcastMessage,
  subscriberLang: string,
): string {
  const language = lang(subscriberLang);
  const { title, body } = message.texts[language];
  return payload(look, title, body, message.tag, language, { kind: 'broadcast' });
}
