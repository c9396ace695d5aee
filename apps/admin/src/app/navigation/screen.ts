import { DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';

export type ScreenName = 'desk' | 'insights';

/** The address of each screen: a fragment, so the server always serves the same page. */
export const SCREEN_HREF: Record<ScreenName, string> = { desk: '#desk', insights: '#insights' };

/**
 * Which screen the signed-in back-office shows, kept in the address fragment (`#insights`), so a
 * reload, a bookmark and the browser's back button work without a router in the bundle.
 */
@Injectable({ providedIn: 'root' })
export class Screen {
  private readonly window = inject(DOCUMENT).defaultView;
  readonly current = signal<ScreenName>(this.fromAddress());

  constructor() {
    const onHashChange = () => this.current.set(this.fromAddress());
    this.window?.addEventListener('hashchange', onHashChange);
    inject(DestroyRef).onDestroy(() =>
      this.window?.removeEventListener('hashchange', onHashChange),
    );
  }

  private fromAddress(): ScreenName {
    return this.window?.location.hash === SCREEN_HREF.insights ? 'insights' : 'desk';
  }
}
