import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServerResponse } from 'node:http';
import expressStaticGzip from 'express-static-gzip';

/** Build output names carry a content hash (main-AGH4Q7UW.js): they never change. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

/**
 * Serves the built apps' files with the brotli or gzip copy the build wrote next to each
 * (tools/compress-static), chosen by Accept-Encoding; `Vary: Accept-Encoding` keeps caches
 * honest. Whatever is not a file falls through to the routes and the board's single-page
 * fallback (WebModule).
 */
export function serveBuiltApps(app: NestExpressApplication, webRoot: string | undefined): void {
  if (!webRoot) return;
  const mounts: [string, string][] = [
    ['/admin', join(webRoot, 'admin', 'browser')],
    ['/', join(webRoot, 'board', 'browser')],
  ];
  for (const [path, dir] of mounts) {
    if (!existsSync(join(dir, 'index.html'))) continue;
    app.use(
      path,
      expressStaticGzip(dir, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: 'index.html',
        serveStatic: {
          // /admin → /admin/ as before; the login link and the API are routes, not files.
          redirect: true,
          setHeaders: (res: ServerResponse, file: string) => {
            const name = basename(file).replace(/\.(br|gz)$/, '');
            res.setHeader(
              'Cache-Control',
              HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
            );
          },
        },
      }),
    );
  }
}
