// What this module takes from the admin module: its session and same-origin guards and its audit
// trail, exactly as the order routes use them.
import { Injectable } from '@nestjs/common';
import type { ScreenState } from '@hubble/contracts';
import { AdminSessionGuard, type RequestWithSession, sessionOf } from '../admin';
import { AuditService } from '../admin';
import { SameOriginGuard } from '../admin';
import { AdminModule } from '../admin';

export { AdminModule as StaffAccessModule };

/** CSRF (same-origin) first, then a valid staff session: the order routes' guards. */
export const StaffOnly = [SameOriginGuard, AdminSessionGuard] as const;

export type StaffRequest = RequestWithSession;

@Injectable()
export class StaffAudit {
  constructor(private readonly audit: AuditService) {}

  async recordScreenState(state: ScreenState, request: StaffRequest): Promise<void> {
    await this.audit.record(`screen-state.${state}`, null, sessionOf(request));
  }
}
