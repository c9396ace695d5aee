// The Aurora stand-in in a process of its own, for versus runs: the product's Aurora calls are
// then answered as by a separate Aurora, not by the process that also sends the webhooks and
// times their answers. Notes when each order's first add arrived; reports over IPC.
import { AuroraStandIn } from '../aurora-stand-in/aurora-stand-in.ts';
import type { AuroraCommand, AuroraReply } from './messages.ts';
import { now } from './stats.ts';

const received = new Map<number, number>();
const send = (reply: AuroraReply) => process.send?.(reply);

const standIn = await AuroraStandIn.start({
  apiKey: process.env['AURORA_API_KEY'] ?? '',
  onAccepted: (call) => {
    if (call.method !== 'POST' || call.orderNumber === null) return;
    if (!received.has(call.orderNumber)) received.set(call.orderNumber, now());
  },
});

process.on('message', (command: AuroraCommand) => {
  if (command.type === 'report') send({ type: 'report', received: [...received] });
  else if (command.type === 'clear') {
    received.clear();
    send({ type: 'cleared' });
  }
});
process.on('disconnect', () => {
  void standIn.down().then(() => process.exit(0));
});
send({ type: 'ready', url: standIn.url });
