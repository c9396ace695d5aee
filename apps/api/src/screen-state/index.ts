export { ScreenStateModule } from './screen-state.module';
export { ScreenStateService, type ScreenStateResult } from './screen-state.service';
export {
  SCREEN_STATE_CHANGED,
  ScreenStateChangedEvent,
  type ScreenStateSource,
} from './screen-state-events';
