import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { BoardPage } from './board-page';
import { cspViolations, launchChromium, newContext, takeCspViolations } from './browser';
import { Product } from './product';

export interface BrowserSuite {
  readonly product: Product;
  readonly browser: Browser;
  /** A fresh browser profile (phone-sized by default), closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new page at `path` on the product, in a fresh profile, once its feed is live. */
  openBoard(path?: string, options?: BrowserContextOptions): Promise<BoardPage>;
  /**
   * A browser profile made on first use and kept for the rest of the `describe` under `key` (for
   * a matrix of checks that need no fresh profile each: it saves the profile's start, a cold
   * cache and a service-worker install per cell). Its CSP violations still fail the test they
   * happened in; it is closed after the last test.
   */
  sharedContext(
    key: string,
    options?: BrowserContextOptions,
    setUp?: (context: BrowserContext) => Promise<void>,
  ): Promise<BrowserContext>;
}

/**
 * For a `describe`: starts the built product (own store) and Chromium (at the same time) before
 * its tests, closes each test's browser profiles after it, and stops both at the end.
 */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let product: Product | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const shared = new Map<string, Promise<BrowserContext>>();

  beforeAll(async () => {
    // Side by side: each takes seconds on a loaded machine. Both are awaited either way, so
    // afterAll stops whichever started even when the other failed.
    const started = await Promise.allSettled([
      Product.start(env).then((made) => (product = made)),
      launchChromium().then((launched) => (browser = launched)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  });

  // Every browser test runs with the product's CSP on; a page it blocked anything on fails it.
  afterEach(async () => {
    const closing = contexts.splice(0);
    const violations = closing.flatMap((context) => cspViolations(context));
    await Promise.all(closing.map((context) => context.close()));
    for (const made of await Promise.allSettled(shared.values())) {
      if (made.status === 'fulfilled') violations.push(...takeCspViolations(made.value));
    }
    expect(violations).toEqual([]);
  });

  afterAll(async () => {
    const kept = await Promise.allSettled(shared.values());
    shared.clear();
    await Promise.all(
      kept.flatMap((made) => (made.status === 'fulfilled' ? [made.value.close()] : [])),
    );
    await browser?.close();
    await product?.stop();
  });

  const suite: BrowserSuite = {
    get product() {
      if (!product) throw new Error('The product starts in beforeAll');
      return product;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
    async newContext(options) {
      const context = await newContext(suite.browser, options);
      contexts.push(context);
      return context;
    },
    sharedContext(key, options, setUp) {
      let made = shared.get(key);
      if (!made) {
        made = (async () => {
          const context = await newContext(suite.browser, options);
          await setUp?.(context);
          return context;
        })();
        shared.set(key, made);
      }
      return made;
    },
    async openBoard(path = '/', options) {
      const context = await suite.newContext(options);
      const board = new BoardPage(await context.newPage());
      await board.page.goto(new URL(path, suite.product.url).toString());
      await board.live();
      return board;
    },
  };
  return suite;
}
