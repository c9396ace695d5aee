// The webhook module's public surface. A second Star Community webhook (another path, another
// body) imports WebhookModule, mounts `SignedWebhookReader.bodyParser()` on its path and calls
// `SignedWebhookReader.read(request, itsContract)`: same signature check, key rotation, size
// limit, refusal rules and JSON errors.
export { WebhookModule } from './webhook.module';
export { WEBHOOK_PATH, WebhookLane, type WebhookAccepted } from './webhook-lane';
export { WebhookKeyService } from './webhook-key.service';
export {
  type SignedWebhookContract,
  SignedWebhookReader,
  WebhookRefusal,
} from './signed-webhook-reader';
export { integerMember, type StrictJson } from './strict-json';
