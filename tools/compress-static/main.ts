// Post-build step: `node tools/compress-static/main.ts <dir>…` writes .br and .gz copies of the
// built JS, CSS and HTML (the board and back-office `compress` targets run it after `build`).
import { compressStatic } from './compress-static.ts';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node tools/compress-static/main.ts <dir>…');
  process.exit(2);
}
for (const dir of dirs) {
  const files = compressStatic(dir);
  const total = (key: 'bytes' | 'brotliBytes' | 'gzipBytes') =>
    files.reduce((sum, file) => sum + file[key], 0);
  console.log(
    `${dir}: ${files.length} files, ${total('bytes')} B → brotli ${total('brotliBytes')} B, gzip ${total('gzipBytes')} B`,
  );
}
