// The push module's public surface.
export { PushModule } from './push.module';
/** Other modules (e.g. screen-state on evacuation) push to every live subscription with this. */
export { type BroadcastMessage, PushBroadcast } from './push-broadcast.service';
