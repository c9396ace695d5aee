import { type BeforeApplicationShutdown, HttpException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { bodyParserFailure } from '../common';
import { requestId } from '../logging';
import { Metrics } from '../metrics';
import { OrdersService } from '../orders';
import { Store, storeUnavailableAnswer } from '../persistence';
import { setApiAnswerHeaders } from '../web';
import { AfterBroadcastLog } from './after-broadcast-log';
import { FOOD_ORDER_COMPLETED } from './food-order-completed';
import { SignedWebhookReader, WebhookRefusal } from './signed-webhook-reader';

export const WEBHOOK_PATH = '/api/orders/webhook';

export interface WebhookAccepted {
  status: 'accepted';
  orderNumber: number;
}

/** An order taken: counted once its answer has been written, and logged. */
interface Taken {
  orderNumber: number;
  refreshed: boolean;
}

interface Answer {
  status: number;
  body: object;
  taken?: Taken;
}

/**
 * Star Community's FoodOrderCompletedWebhook, answered on a lane of its own: taken from the HTTP
 * server ahead of Express's router, the pages' middleware and Nest's (see createApp and
 * laneAheadOfExpress), because every microsecond before the answer is paid again by the phones
 * waiting for the broadcast behind it (issue 18). What the pipeline gives other routes it does
 * here in a few lines: the request id and its log line, fixed security headers, the body limits,
 * JSON errors in the API's shape, a store failure as 503.
 *
 * Star Community neither retries nor waits, so the answer comes only after the order is durably
 * stored, and every refusal is logged and counted.
 */
@Injectable()
export class WebhookLane implements BeforeApplicationShutdown {
  readonly handler = (request: Request, response: Response): void => {
    // As pino-http would: the id on the request, which the `req` serializer logs with its lines.
    request.id = requestId(request, response);
    void this.log.runInContext(() => this.receive(request, response), {
      bindings: { req: request },
    });
  };

  private readonly afterBroadcast = new AfterBroadcastLog();

  constructor(
    private readonly reader: SignedWebhookReader,
    private readonly orders: OrdersService,
    private readonly metrics: Metrics,
    private readonly store: Store,
    private readonly log: PinoLogger,
  ) {}

  private async receive(request: Request, response: Response): Promise<void> {
    const started = performance.now();
    setApiAnswerHeaders(response, request.secure);
    let answer: Answer;
    try {
      answer = await this.accept(request, response);
    } catch (error) {
      answer = this.failure(error);
    }
    if (!response.headersSent) send(response, answer);
    const { taken } = answer;
    if (taken) this.metrics.webhook(taken.refreshed ? 'refreshed' : 'accepted');
    const responseTime = Math.round(performance.now() - started);
    // The request's own logger (with its id), taken now: the lines are written after the broadcast.
    const logger = this.log.logger;
    this.afterBroadcast.write(() => {
      if (taken) {
        logger.info(
          { context: 'Webhook' },
          `Order ${taken.orderNumber} ${taken.refreshed ? 'refreshed' : 'accepted'} from webhook`,
        );
      }
      const line = { res: response, responseTime };
      if (response.statusCode >= 500) logger.error(line, 'request completed');
      else if (response.statusCode >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    });
  }

  beforeApplicationShutdown(): void {
    this.afterBroadcast.close();
  }

  private async accept(request: Request, response: Response): Promise<Answer> {
    const orderNumber = await this.reader
      .readBody(request, response)
      .then(() => this.reader.read(request, FOOD_ORDER_COMPLETED));
    const { refreshed } = await this.orders.create(orderNumber, 'star-community');
    const body: WebhookAccepted = { status: 'accepted', orderNumber };
    return { status: 200, body, taken: { orderNumber, refreshed } };
  }

  /** The answer for what went wrong, in the API's JSON error shape; counted for the metrics. */
  private failure(error: unknown): Answer {
    if (error instanceof WebhookRefusal) this.metrics.webhook(error.outcome);
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return {
        status: error.getStatus(),
        body: typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body,
      };
    }
    const parsing = bodyParserFailure(error);
    if (parsing) {
      if (parsing.status === 413) this.metrics.webhook('too_large');
      return parsing;
    }
    const store = storeUnavailableAnswer(error, this.store);
    if (store) return store;
    this.log.logger.error({ err: error, context: 'Webhook' }, 'Webhook failed');
    return { status: 500, body: { statusCode: 500, message: 'Internal server error' } };
  }
}

function send(response: Response, { status, body }: Answer): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  response.end(json);
}
