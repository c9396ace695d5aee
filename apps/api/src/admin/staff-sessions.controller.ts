import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ADMIN_ROUTES, type StaffSessionDto } from '@hubble/contracts';
import { AdminSessionGuard, type RequestWithSession, sessionOf } from './admin-session.guard';
import { AdminSessionsService } from './admin-sessions.service';
import { AuditService } from './audit.service';
import { SameOriginGuard } from './same-origin.guard';

/** Staff see who is signed in (every active session) and can end one, e.g. a lost tablet's. */
@Controller(ADMIN_ROUTES.sessions)
@UseGuards(SameOriginGuard, AdminSessionGuard)
export class StaffSessionsController {
  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(@Req() request: RequestWithSession): Promise<StaffSessionDto[]> {
    return this.sessions.listActive(sessionOf(request));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async end(@Param('id') id: string, @Req() request: RequestWithSession): Promise<void> {
    const session = await this.sessions.findByHandle(id);
    if (!session) throw new NotFoundException('No active session with this id');
    await this.sessions.revoke(session);
    await this.audit.record('session.end', null, sessionOf(request));
  }
}
