import { Module } from '@nestjs/common';
import { AuroraSyncModule } from '../aurora-sync';
import { OrdersModule } from '../orders';
import { ScreenStateModule } from '../screen-state';
import { AdminFeedGateway } from './admin-feed.gateway';
import { AdminOrdersController } from './admin-orders.controller';
import { AdminSessionGuard } from './admin-session.guard';
import { AdminSessionsService } from './admin-sessions.service';
import { AdminTokenService } from './admin-token.service';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AdminScreenStateController } from './admin-screen-state.controller';
import { DeskService } from './desk.service';
import { AppConfig } from '../config';
import { LoginLimiter } from './login-limiter';
import { OidcClient } from './oidc/oidc-client';
import { OidcController } from './oidc/oidc.controller';
import { PendingSignIns } from './oidc/pending-sign-ins';
import { SameOriginGuard } from './same-origin.guard';
import { StaffSessionsController } from './staff-sessions.controller';
import { TokenLoginGuard } from './token-login.guard';

/**
 * Staff access (token, sessions, login throttling, CSRF), the back-office HTTP API and its live
 * feed (the `/admin` Socket.IO namespace).
 */
@Module({
  imports: [OrdersModule, AuroraSyncModule, ScreenStateModule],
  controllers: [
    AuthController,
    AdminOrdersController,
    AdminScreenStateController,
    OidcController,
    StaffSessionsController,
  ],
  providers: [
    AdminTokenService,
    AdminSessionsService,
    AdminSessionGuard,
    SameOriginGuard,
    AuditService,
    DeskService,
    { provide: LoginLimiter, inject: [AppConfig], useFactory: LoginLimiter.create },
    OidcClient,
    PendingSignIns,
    TokenLoginGuard,
    AdminFeedGateway,
  ],
  exports: [AdminTokenService, AdminSessionsService, DeskService, AuditService],
})
export class AdminModule {}
