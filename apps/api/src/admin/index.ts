// The admin module's public surface: other modules import only what is exported here.
export { ADMIN_DOMAIN_EVENTS, SessionEndedEvent } from './admin-events';
export { AdminSessionGuard, sessionOf } from './admin-session.guard';
export type { RequestWithSession } from './admin-session.guard';
export { AdminSessionsService } from './admin-sessions.service';
export type { AdminSession } from './admin-sessions.service';
export { AdminTokenService } from './admin-token.service';
export { AdminModule } from './admin.module';
export { AuditService } from './audit.service';
export { readCookie } from './cookies';
export { DeskService } from './desk.service';
export { SameOriginGuard, isSameOrigin } from './same-origin.guard';
