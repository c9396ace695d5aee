import { Module } from '@nestjs/common';
import { AuroraSyncModule } from '../aurora-sync/aurora-sync.module';
import { OrdersModule } from '../orders/orders.module';
import { AdminOrdersController } from './admin-orders.controller';
import { AdminSessionGuard } from './admin-session.guard';
import { AdminSessionsService } from './admin-sessions.service';
import { AdminTokenService } from './admin-token.service';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { DeskService } from './desk.service';
import { LoginRefusalLimiter } from './login-refusal-limiter';
import { SameOriginGuard } from './same-origin.guard';

/** Staff access (token, sessions, login throttling, CSRF) and the back-office HTTP API. */
@Module({
  imports: [OrdersModule, AuroraSyncModule],
  controllers: [AuthController, AdminOrdersController],
  providers: [
    AdminTokenService,
    AdminSessionsService,
    AdminSessionGuard,
    SameOriginGuard,
    AuditService,
    DeskService,
    { provide: LoginRefusalLimiter, useFactory: () => LoginRefusalLimiter.create() },
  ],
  exports: [AdminTokenService, AdminSessionsService, DeskService, AuditService],
})
export class AdminModule {}
