import { type ArgumentsHost, Catch, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { Store } from './store';
import { storeFailureReason } from './store-failure';

/**
 * Any HTTP request whose work failed because of the store gets 503 (never a 2xx, and not a 500:
 * the request was fine, the store was not), and the store is told so that readiness says why.
 * Everything else goes to Nest's default handling.
 */
@Catch()
@Injectable()
export class StoreUnavailableFilter extends BaseExceptionFilter {
  constructor(private readonly store: Store) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const reason =
      host.getType() === 'http' && !(exception instanceof HttpException)
        ? storeFailureReason(exception, this.store.kind)
        : undefined;
    if (reason === undefined) {
      super.catch(exception, host);
      return;
    }
    this.store.reportFailure(reason);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      message: `The order store cannot keep this change right now (${reason}); nothing was acknowledged`,
      error: 'Service Unavailable',
    });
  }
}
