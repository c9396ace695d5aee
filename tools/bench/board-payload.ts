import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** `import … from "./x.js"` and `import "./x.js"`; not `import("./x.js")` (loaded later, lazily). */
const STATIC_IMPORT = /\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g;

/**
 * The JavaScript a browser must load before the board starts: the scripts and module preloads
 * named in the built index.html and every chunk they import statically (the build splits code
 * shared with a lazy chunk into chunks of its own), gzipped (level 9) as a server or CDN would
 * send them.
 */
export function initialJs(browserDir: string): InitialJs {
  const index = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const files = [
    ...index.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...index.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  for (let at = 0; at < files.length; at++) {
    const code = readFileSync(join(browserDir, files[at]), 'utf8');
    for (const [, imported] of code.matchAll(STATIC_IMPORT)) {
      if (!files.includes(imported)) files.push(imported);
    }
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const raw = readFileSync(join(browserDir, file));
    rawBytes += raw.length;
    gzipBytes += gzipSync(raw, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
