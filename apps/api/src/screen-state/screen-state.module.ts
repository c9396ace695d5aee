import { Module } from '@nestjs/common';
import { ScreenStateWebhookController } from './screen-state-webhook.controller';
import { ScreenStateController } from './screen-state.controller';
import { ScreenStateRepository } from './screen-state.repository';
import { ScreenStateService } from './screen-state.service';
import { WebhookModule } from '../webhook';

/**
 * The café's state for the screens: Star Community's second webhook and `GET /api/screen-state`;
 * the desk's `PUT` lives in the admin module, with the other staff routes.
 */
@Module({
  imports: [WebhookModule],
  controllers: [ScreenStateWebhookController, ScreenStateController],
  providers: [ScreenStateRepository, ScreenStateService],
  exports: [ScreenStateService],
})
export class ScreenStateModule {}
