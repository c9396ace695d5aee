// Sends a correctly signed Star Community webhook to the local server:
//   npm run webhook -- 42            (order 42 to http://localhost:3000)
//   npm run webhook -- 42 --url http://localhost:3100
// Signs with the development key pair in .dev-keys/ (generated on first use, git-ignored),
// which `npm start` trusts in development unless a key URL or file is configured.
import { sign } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevKeyPair } from '../../apps/api/src/webhook/dev-key-pair.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: `http://localhost:${process.env['PORT'] ?? 3000}` },
    'key-dir': { type: 'string', default: process.env['DEV_KEY_DIR'] ?? '.dev-keys' },
  },
});

const [orderNumber] = positionals;
if (!orderNumber || !/^-?[0-9]+(\.[0-9]+)?$/.test(orderNumber)) {
  console.error('Usage: npm run webhook -- <orderNumber> [--url http://localhost:3000]');
  process.exit(2);
}

const { privateKeyPem } = ensureDevKeyPair(resolve(values['key-dir']));
const body = JSON.stringify({ orderNumber: Number(orderNumber) });
const signature = sign('sha256', Buffer.from(body), privateKeyPem).toString('base64');
const target = new URL('/api/orders/webhook', values.url);

try {
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    body,
  });
  console.log(`${response.status} ${await response.text()}`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`Could not reach ${target}: ${(error as Error).message}`);
  process.exit(1);
}
