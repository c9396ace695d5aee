// npm run aurora:dev [-- --port 3300 --deny removeOrder --orders off]
// Starts the Aurora stand-in (see aurora-stand-in.ts). The API key is AURORA_API_KEY from the
// environment, or the development key "dev-aurora-key" when unset.
import { parseArgs } from 'node:util';
import { AuroraStandIn, type Grant } from './aurora-stand-in.ts';

const DEV_KEY = 'dev-aurora-key';
const GRANTS: Grant[] = ['addOrder', 'removeOrder'];

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3300' },
    host: { type: 'string', default: '127.0.0.1' },
    deny: { type: 'string', multiple: true, default: [] },
    orders: { type: 'string', default: 'on' },
  },
});

const unknownGrant = values.deny.find((grant) => !GRANTS.includes(grant as Grant));
if (unknownGrant || !/^[0-9]+$/.test(values.port) || !['on', 'off'].includes(values.orders)) {
  console.error(
    'Usage: npm run aurora:dev -- [--port 3300] [--host 127.0.0.1] [--deny addOrder|removeOrder] [--orders on|off]',
  );
  process.exit(2);
}

const apiKey = process.env['AURORA_API_KEY']?.trim() || DEV_KEY;
const standIn = await AuroraStandIn.start({
  apiKey,
  port: Number(values.port),
  host: values.host,
  grants: GRANTS.filter((grant) => !values.deny.includes(grant)),
  ordersFeature: values.orders === 'on',
});

const keyNote =
  apiKey === DEV_KEY ? `AURORA_API_KEY=${DEV_KEY}` : 'AURORA_API_KEY=<the key you set>';
console.log(`Aurora stand-in listening on ${standIn.url}`);
console.log(`Point the API at it:  AURORA_URL=${standIn.url} ${keyNote} npm start`);
console.log(`What it holds:        curl ${standIn.url}/__stand-in/orders`);
console.log(`Calls received:       curl ${standIn.url}/__stand-in/calls`);
console.log(
  `Misbehave:            curl -X POST ${standIn.url}/__stand-in/behaviour -d '{"mode":"fail","status":503}'  (or "hang", "normal")`,
);
console.log(
  `Orders feature:       curl -X POST ${standIn.url}/__stand-in/feature -d '{"orders":false}'  (409 until switched on; then 500 until restart)`,
);
console.log(`Restart (forget all): curl -X POST ${standIn.url}/__stand-in/restart`);

const stop = () => void standIn.down().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
