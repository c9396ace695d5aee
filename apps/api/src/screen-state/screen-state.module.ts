import { Module } from '@nestjs/common';
import { ScreenStateWebhookController } from './screen-state-webhook.controller';
import { ScreenStateController } from './screen-state.controller';
import { ScreenStateRepository } from './screen-state.repository';
import { ScreenStateService } from './screen-state.service';
import { StaffAccessModule, StaffAudit } from './staff-access';
import {
  ScreenStateWebhookRefusals,
  StarCommunityKeysModule,
  StarCommunitySignature,
} from './star-community-webhook';

/** The café's state for the screens: Star Community's second webhook, the desk's control. */
@Module({
  imports: [StarCommunityKeysModule, StaffAccessModule],
  controllers: [ScreenStateWebhookController, ScreenStateController],
  providers: [
    ScreenStateRepository,
    ScreenStateService,
    StarCommunitySignature,
    StaffAudit,
    {
      provide: ScreenStateWebhookRefusals,
      useFactory: () => ScreenStateWebhookRefusals.create(),
    },
  ],
  exports: [ScreenStateService],
})
export class ScreenStateModule {}
