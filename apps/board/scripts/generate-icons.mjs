// Draws the board's PNG icons (the installable PWA needs raster icons; SVG alone is not enough
// for every platform) with no dependency: shapes are rasterised with 4×4 supersampling and
// written as PNG with node:zlib. Run: node apps/board/scripts/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '../public/icons');
const BLUE = [0x1f, 0x5f, 0x8b, 255];
const LIGHT = [0xfa, 0xfa, 0xf7, 255];
const AMBER = [0xff, 0xcf, 0x3f, 255];
const WHITE = [255, 255, 255, 255];

/** The mark, in units of the icon's size (0..1): a disc, a ring around it, an amber planet. */
function mark(x, y, { scale, ring, planet }) {
  const dx = (x - 0.5) / scale;
  const dy = (y - 0.5) / scale;
  const r = Math.hypot(dx, dy);
  if (planet && Math.hypot(dx - 0.26, dy + 0.26) < 0.075) return planet;
  if (r < 0.16) return ring;
  if (r > 0.27 && r < 0.34) return ring;
  return null;
}

const designs = {
  // Purpose "any": a round badge on a transparent background.
  any: (x, y) => {
    if (Math.hypot(x - 0.5, y - 0.5) > 0.48) return null;
    return mark(x, y, { scale: 1, ring: LIGHT, planet: AMBER }) ?? BLUE;
  },
  // Purpose "maskable" and Apple touch icon: full bleed, the mark inside the 80 % safe zone.
  maskable: (x, y) => mark(x, y, { scale: 0.8, ring: LIGHT, planet: AMBER }) ?? BLUE,
  // Android status-bar badge: only the alpha channel counts.
  badge: (x, y) => mark(x, y, { scale: 1.25, ring: WHITE, planet: WHITE }),
};

function render(size, design) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const color = design((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!color) continue;
          const alpha = color[3] / 255;
          for (let c = 0; c < 3; c++) sum[c] += color[c] * alpha;
          sum[3] += alpha;
        }
      }
      const at = (py * size + px) * 4;
      const coverage = sum[3] / (n * n);
      for (let c = 0; c < 3; c++) pixels[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[at + 3] = Math.round(coverage * 255);
    }
  }
  return png(size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const files = [
  ['icon-192.png', 192, 'any'],
  ['icon-512.png', 512, 'any'],
  ['maskable-192.png', 192, 'maskable'],
  ['maskable-512.png', 512, 'maskable'],
  ['apple-touch-icon.png', 180, 'maskable'],
  ['badge-96.png', 96, 'badge'],
];
for (const [name, size, design] of files) {
  writeFileSync(join(OUT, name), render(size, designs[design]));
  console.log(`${join(OUT, name)} (${size}×${size}, ${design})`);
}
