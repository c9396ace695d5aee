import { Module } from '@nestjs/common';
import { ScreenStateWebhookController } from './screen-state-webhook.controller';
import { ScreenStateController } from './screen-state.controller';
import { ScreenStateRepository } from './screen-state.repository';
import { ScreenStateService } from './screen-state.service';
import { StaffAccessModule, StaffAudit } from './staff-access';
import { WebhookModule } from '../webhook';

/** The café's state for the screens: Star Community's second webhook, the desk's control. */
@Module({
  imports: [WebhookModule, StaffAccessModule],
  controllers: [ScreenStateWebhookController, ScreenStateController],
  providers: [ScreenStateRepository, ScreenStateService, StaffAudit],
  exports: [ScreenStateService],
})
export class ScreenStateModule {}
