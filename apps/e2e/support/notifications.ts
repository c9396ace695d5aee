import type { BrowserContext, Page } from 'playwright-core';

/** A notification the page asked its service worker registration to show, and what came of it. */
export interface RecordedNotification {
  title: string;
  body?: string;
  tag?: string;
  /** The icon as the browser fetches it: resolved against the page's address. */
  icon?: string;
  /** `shown` once the browser's `showNotification` promise resolved, else why it failed. */
  outcome: 'pending' | 'shown' | `failed: ${string}`;
}

interface RecordingWindow {
  recordedNotifications: RecordedNotification[];
}

/**
 * Records, in every page of `context`, each notification shown through a service worker
 * registration (the only kind Chrome on Android allows a page).
 *
 * Why not `registration.getNotifications()`: headless Chromium on a busy machine sometimes
 * resolves `showNotification` and then lists nothing for that registration, for good (seen 1 in
 * 6 with both cores busy, with the same page and build that list it otherwise). The resolved
 * promise is the browser's word that it took the notification; this is what the page asked for.
 */
export async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const recorded: RecordedNotification[] = [];
    (window as unknown as RecordingWindow).recordedNotifications = recorded;
    const original = ServiceWorkerRegistration.prototype.showNotification;
    ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
      const entry: RecordedNotification = {
        title,
        body: options?.body,
        tag: options?.tag,
        icon: options?.icon && new URL(options.icon, document.baseURI).href,
        outcome: 'pending',
      };
      recorded.push(entry);
      return original.call(this, title, options).then(
        () => void (entry.outcome = 'shown'),
        (error: Error) => {
          entry.outcome = `failed: ${error.message}`;
          throw error;
        },
      );
    };
  });
}

/** Every notification the page has asked for so far, in order. */
export function recordedNotifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(() => (window as unknown as RecordingWindow).recordedNotifications);
}

/** Waits until the page has asked for a notification tagged `tag` and the browser settled it. */
export async function settledNotification(
  page: Page,
  tag: string,
  timeout = 30_000,
): Promise<RecordedNotification> {
  const settled = await page
    .waitForFunction(
      (wanted) =>
        (window as unknown as RecordingWindow).recordedNotifications.find(
          (entry) => entry.tag === wanted && entry.outcome !== 'pending',
        ),
      tag,
      { timeout },
    )
    .catch(async (error: Error) => {
      const asked = await recordedNotifications(page);
      throw new Error(`${error.message}; notifications asked for: ${JSON.stringify(asked)}`);
    });
  return (await settled.jsonValue()) as RecordedNotification;
}
