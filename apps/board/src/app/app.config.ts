import {
  type ApplicationConfig,
  isDevMode,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideServiceWorker } from '@angular/service-worker';

/** Zoneless by default in Angular 22: no zone.js, change detection driven by signals. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The app shell is cached by the Angular service worker (ngsw-config.json), so the board opens
    // offline with the last known orders. Registered once the app is stable, at most 5 s after
    // start: the live socket must not keep it waiting.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:5000',
    }),
  ],
};
