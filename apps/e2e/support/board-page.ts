import type { Locator, Page } from 'playwright-core';

/** What the tests read and do on the board, by its visible structure and roles. */
export class BoardPage {
  constructor(readonly page: Page) {}

  tile(number: number): Locator {
    return this.page.locator(`li.tile[data-number="${number}"]`);
  }

  /** The numbers on the board, top to bottom, left to right. */
  numbers(): Promise<number[]> {
    return this.page
      .locator('li.tile')
      .evaluateAll((tiles) => tiles.map((tile) => Number((tile as HTMLElement).dataset['number'])));
  }

  get banner(): Locator {
    return this.page.locator('p.banner[role="status"]');
  }

  get grid(): Locator {
    return this.page.locator('ol.grid');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Pairs of header parts (brand, clock, connection state, language switch) whose ink collides. */
  headerOverlaps(): Promise<string[]> {
    return this.page.evaluate(() => {
      /**
       * What a part paints: its visible text and its childless elements (dots, icons). Not the
       * element's box: text overflowing a shrunk flex item still collides on screen; and not
       * screen-reader-only text (clipped into 1 px).
       */
      const inkOf = (root: Element): DOMRect[] => {
        const rects: DOMRect[] = [];
        const visible = (element: Element | null) =>
          element !== null && element.getBoundingClientRect().width > 1;
        const walker = document.createTreeWalker(
          root,
          NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
        );
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node instanceof Text && node.data.trim() && visible(node.parentElement)) {
            const range = document.createRange();
            range.selectNodeContents(node);
            rects.push(range.getBoundingClientRect());
          } else if (node instanceof Element && node.childElementCount === 0 && visible(node)) {
            if (!node.textContent?.trim()) rects.push(node.getBoundingClientRect());
          }
        }
        return rects;
      };
      const hit = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const parts = ['.brand', 'app-clock', '.connection', 'hubble-language-switch']
        .map((selector) => ({ selector, element: document.querySelector(selector) }))
        .filter((part) => part.element !== null)
        .map(({ selector, element }) => ({ selector, ink: inkOf(element!) }));
      const overlaps: string[] = [];
      parts.forEach((a, i) =>
        parts.slice(i + 1).forEach((b) => {
          if (a.ink.some((ra) => b.ink.some((rb) => hit(ra, rb)))) {
            overlaps.push(`${a.selector} × ${b.selector}`);
          }
        }),
      );
      return overlaps;
    });
  }

  /**
   * The numbers whose tile is on screen right now, whole and uncovered: the number's box inside
   * the viewport and inside the tile, and the tile what is on top at its centre.
   */
  fullyVisibleNumbers(): Promise<number[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('li.tile')]
        .filter((tile) => {
          const box = tile.getBoundingClientRect();
          const num = tile.querySelector('.num')?.getBoundingClientRect();
          if (!num || box.width === 0) return false;
          const inside = (
            inner: DOMRect,
            outer: { left: number; top: number; right: number; bottom: number },
          ) =>
            inner.left >= outer.left - 0.5 &&
            inner.top >= outer.top - 0.5 &&
            inner.right <= outer.right + 0.5 &&
            inner.bottom <= outer.bottom + 0.5;
          const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
          const onTop = document.elementFromPoint(
            box.left + box.width / 2,
            box.top + box.height / 2,
          );
          // Not cut off by a scroll or clip box around it either.
          const clips: DOMRect[] = [];
          for (let up = tile.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflow !== 'visible') clips.push(up.getBoundingClientRect());
          }
          return (
            inside(num, viewport) &&
            inside(num, box) &&
            clips.every((clip) => inside(num, clip)) &&
            tile.contains(onTop)
          );
        })
        .map((tile) => Number(tile.dataset['number'])),
    );
  }

  /** Waits until the feed is live (a snapshot of the current connection is applied). */
  async live(): Promise<void> {
    await this.page.locator('.connection[data-status="live"]').waitFor();
  }

  async follow(number: number): Promise<void> {
    await this.page.getByLabel('Number on your receipt').fill(String(number));
    await this.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await this.page.locator('#follow-number').waitFor();
  }

  /** Resolves once a service worker is active for the page's scope. */
  async serviceWorkerReady(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  }

  /**
   * Resolves once the service worker has finished installing this version of the app: every file
   * it prefetches (the app shell) is in its cache and no download is left. It downloads them only
   * after it is active, and a download cut short (server gone) leaves Angular's worker degraded:
   * it then serves no new page from its cache. So "ready" is not enough to go offline.
   *
   * Angular's worker answers a message only after its initialisation, so this sends the one
   * `SwUpdate.checkForUpdate()` sends and waits for the answer, then checks the cache.
   */
  async appShellCached(): Promise<void> {
    // The worker may be busy (or restarted by the browser) on a loaded machine and miss a message:
    // ask again every 15 s, for up to 90 s, instead of waiting on one answer forever.
    let answered = false;
    for (let attempt = 0; attempt < 6 && !answered; attempt++) {
      answered = await this.page.evaluate(async (waitMs) => {
        const registration = await navigator.serviceWorker.ready;
        const nonce = Math.floor(Math.random() * 1e9);
        return new Promise<boolean>((resolve) => {
          const onMessage = (event: MessageEvent<{ type?: string; nonce?: number }>) => {
            if (event.data?.type !== 'OPERATION_COMPLETED' || event.data.nonce !== nonce) return;
            done(true);
          };
          const timer = setTimeout(() => done(false), waitMs);
          const done = (result: boolean) => {
            clearTimeout(timer);
            navigator.serviceWorker.removeEventListener('message', onMessage);
            resolve(result);
          };
          navigator.serviceWorker.addEventListener('message', onMessage);
          registration.active!.postMessage({ action: 'CHECK_FOR_UPDATES', nonce });
        });
      }, 15_000);
    }
    if (!answered) throw new Error('The service worker did not answer an update check in 90 s');
    const cached = await this.page.evaluate(async () => {
      const manifest = (await (await fetch('ngsw.json?ngsw-bypass=1')).json()) as {
        assetGroups: { installMode: string; urls: string[] }[];
      };
      const prefetched = manifest.assetGroups
        .filter((group) => group.installMode === 'prefetch')
        .flatMap((group) => group.urls);
      const missing = [];
      for (const url of prefetched) if (!(await caches.match(url))) missing.push(url);
      return missing;
    });
    if (cached.length > 0) throw new Error(`Not in the service worker's cache: ${cached}`);
  }
}
