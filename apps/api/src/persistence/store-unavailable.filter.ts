import { type ArgumentsHost, Catch, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { Store } from './store';
import { storeFailureReason } from './store-failure';

/** The answer to a request whose work failed because of the store. */
export interface StoreUnavailableAnswer {
  status: HttpStatus.SERVICE_UNAVAILABLE;
  body: { statusCode: number; message: string; error: string };
}

/**
 * The 503 for an error that came from the store (never a 2xx, and not a 500: the request was
 * fine, the store was not), after telling the store so that readiness says why; undefined for any
 * other error.
 */
export function storeUnavailableAnswer(
  exception: unknown,
  store: Store,
): StoreUnavailableAnswer | undefined {
  const reason =
    exception instanceof HttpException ? undefined : storeFailureReason(exception, store.kind);
  if (reason === undefined) return undefined;
  store.reportFailure(reason);
  return {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    body: {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      message: `The order store cannot keep this change right now (${reason}); nothing was acknowledged`,
      error: 'Service Unavailable',
    },
  };
}

/**
 * Any HTTP request whose work failed because of the store gets 503 ({@link storeUnavailableAnswer}).
 * Everything else goes to Nest's default handling.
 */
@Catch()
@Injectable()
export class StoreUnavailableFilter extends BaseExceptionFilter {
  constructor(private readonly store: Store) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const answer =
      host.getType() === 'http' ? storeUnavailableAnswer(exception, this.store) : undefined;
    if (answer === undefined) {
      super.catch(exception, host);
      return;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(answer.status).json(answer.body);
  }
}
