import { Module } from '@nestjs/common';
import { BrandingModule } from '../branding';
import { EvacuationPush } from './evacuation-push';
import { PushNotificationLook } from './notification-look';
import { PushBroadcast } from './push-broadcast.service';
import { PushController } from './push.controller';
import { PushDeliveryWorker } from './push-delivery.worker';
import { PushQueueWriter } from './push-queue.writer';
import { PushRepository } from './push.repository';
import { PushRequestLimiter } from './push-request-limiter';
import { PushSender } from './push-sender';
import { VapidKeysService } from './vapid-keys.service';

/**
 * Web Push for "follow my order": followers' subscriptions, the VAPID keys, a delivery queue
 * written with each order change and a worker that sends it once across instances.
 */
@Module({
  imports: [BrandingModule],
  controllers: [PushController],
  providers: [
    PushRepository,
    VapidKeysService,
    PushSender,
    PushQueueWriter,
    PushDeliveryWorker,
    PushRequestLimiter,
    PushBroadcast,
    EvacuationPush,
    PushNotificationLook,
  ],
  exports: [PushBroadcast],
})
export class PushModule {}
