import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser must load before the board starts: the scripts and module preloads
 * named in the built index.html, gzipped (level 9) as a server or CDN would send them.
 */
export function initialJs(browserDir: string): InitialJs {
  const index = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const files = [
    ...index.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...index.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const raw = readFileSync(join(browserDir, file));
    rawBytes += raw.length;
    gzipBytes += gzipSync(raw, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
