import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';

/** Zoneless by default in Angular 22: no zone.js, change detection driven by signals. */
export const appConfig: ApplicationConfig = {
  providers: [provideBrowserGlobalErrorListeners()],
};
