import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alerts, SERVICE_WORKER_WAIT_MS } from './alerts';

/** What reached the system: notifications shown by a registration or by the page itself. */
interface Shown {
  by: 'registration' | 'page';
  title: string;
}

/**
 * A window with notification permission granted and the board's service worker in one state:
 * active, registered but not active yet (`activate()` makes it so), or not supported at all.
 */
function fakeWindow(worker: 'active' | 'installing' | 'unsupported') {
  const shown: Shown[] = [];
  class PageNotification {
    static permission = 'granted';
    constructor(title: string) {
      shown.push({ by: 'page', title });
    }
  }
  let active = worker === 'active';
  const registration = {
    get active() {
      return active ? {} : null;
    },
    showNotification: async (title: string) => {
      if (!active) throw new TypeError('No active registration');
      shown.push({ by: 'registration', title });
    },
  } as unknown as ServiceWorkerRegistration;
  let activate!: () => void;
  const ready = new Promise<ServiceWorkerRegistration>((resolve) => {
    activate = () => {
      active = true;
      resolve(registration);
    };
    if (active) resolve(registration);
  });
  const serviceWorker = { getRegistration: async () => registration, ready };
  const window = {
    Notification: PageNotification,
    navigator: worker === 'unsupported' ? {} : { serviceWorker },
  };
  return { window, shown, activate };
}

function alertsIn(window: object): Alerts {
  TestBed.configureTestingModule({
    providers: [{ provide: DOCUMENT, useValue: { defaultView: window } }],
  });
  return TestBed.inject(Alerts);
}

describe('Alerts.notify', () => {
  afterEach(() => {
    vi.useRealTimers();
    TestBed.resetTestingModule();
  });

  it('shows the notification through the active service worker registration', async () => {
    const { window, shown } = fakeWindow('active');
    await alertsIn(window).notify('Order 42 is ready', 'Collect it', 'order-42', 'en');
    expect(shown).toEqual([{ by: 'registration', title: 'Order 42 is ready' }]);
  });

  it('on a first visit, waits for the worker to be ready instead of a page notification', async () => {
    const { window, shown, activate } = fakeWindow('installing');
    const notified = alertsIn(window).notify('Order 7 is ready', 'Collect it', 'order-7', 'en');
    await Promise.resolve();
    expect(shown).toEqual([]);
    activate();
    await notified;
    expect(shown).toEqual([{ by: 'registration', title: 'Order 7 is ready' }]);
  });

  it('uses a page notification where there is no service worker', async () => {
    const { window, shown } = fakeWindow('unsupported');
    await alertsIn(window).notify('Order 3 is ready', 'Collect it', 'order-3', 'en');
    expect(shown).toEqual([{ by: 'page', title: 'Order 3 is ready' }]);
  });

  it('falls back to a page notification when the worker never becomes ready', async () => {
    vi.useFakeTimers();
    const { window, shown } = fakeWindow('installing');
    const notified = alertsIn(window).notify('Order 9 is ready', 'Collect it', 'order-9', 'en');
    await vi.advanceTimersByTimeAsync(SERVICE_WORKER_WAIT_MS - 1);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await notified;
    expect(shown).toEqual([{ by: 'page', title: 'Order 9 is ready' }]);
  });
});
