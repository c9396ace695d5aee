import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BROWSER_DIR = join(import.meta.dirname, '../../../dist/apps/board/browser');
/** The budget: the board's initial JavaScript, gzipped, at most 100 KB. */
const BUDGET_BYTES = 100_000;

/**
 * The build's own budget (apps/board/project.json) counts raw bytes, so it is set from the
 * measured raw/gzip ratio; this measures gzip itself on the production build that is served.
 */
describe('the board’s initial JavaScript', () => {
  it('is at most 100 KB gzipped', () => {
    const index = readFileSync(join(BROWSER_DIR, 'index.html'), 'utf8');
    const initial = [
      ...index.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...index.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((match) => match[1]);
    expect(initial.length).toBeGreaterThan(0);

    const sizes = initial.map((file) => {
      const raw = readFileSync(join(BROWSER_DIR, file));
      return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
    const gzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
    const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
    process.stdout.write(
      `board initial JS: ${(raw / 1000).toFixed(1)} kB raw, ${(gzip / 1000).toFixed(1)} kB gzip ` +
        `(ratio ${(raw / gzip).toFixed(2)}; ${sizes.map((s) => s.file).join(', ')})\n`,
    );
    expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
