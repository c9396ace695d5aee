export { ScreenStateModule } from './screen-state.module';
export { ScreenStateService, type ScreenStateResult } from './screen-state.service';
export {
  SCREEN_STATE_CHANGED,
  ScreenStateChangedEvent,
  type ScreenStateSource,
} from './screen-state-events';
export { SCREEN_STATE_WEBHOOK_MAX_BODY_BYTES } from './screen-state-webhook.controller';
