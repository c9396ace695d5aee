import type { KeyObject } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { HttpException, Injectable, Logger } from '@nestjs/common';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { clientAddress } from '../common';
import { AppConfig } from '../config';
import type { WebhookOutcome } from '../metrics';
import { decodeSignature, signedByAny } from './signature';
import { parseStrictJson, type StrictJson } from './strict-json';
import { WebhookKeyService } from './webhook-key.service';
import { WebhookRefusalLimiter } from './webhook-refusal-limiter';

/** What one kind of Star Community webhook accepts in its (verified, strict JSON) body. */
export interface SignedWebhookContract<T> {
  /** The value the body carries, or why the body is refused (answered 400, nothing changes). */
  read(json: StrictJson): { ok: true; value: T } | { ok: false; error: string };
}

/** A refused webhook: the JSON error answered, and the outcome for the metrics. */
export class WebhookRefusal extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly outcome: WebhookOutcome,
  ) {
    super({ statusCode: status, message, error: STATUS_CODES[status] }, status);
  }
}

/**
 * Reads Star Community's signed webhooks, whatever their body: the raw bytes (never decoded or
 * decompressed), the signature over them, strict JSON, then the contract of the body. Only the
 * signature decides whether a request is taken: refusals of unsigned or forged requests count
 * against the sender's address, a verified request is never limited.
 */
@Injectable()
export class SignedWebhookReader {
  private readonly logger = new Logger('Webhook');
  private readonly raw: RequestHandler;

  constructor(
    private readonly keys: WebhookKeyService,
    private readonly limiter: WebhookRefusalLimiter,
    config: AppConfig,
  ) {
    // A signed Star Community body is small; anything larger is refused with 413 unread.
    this.raw = express.raw({
      type: () => true,
      limit: config.http.bodyLimits.webhookBytes,
      inflate: false,
    });
  }

  /**
   * The body parser for a signed webhook's path ({@link readBody}); a refusal is answered here,
   * any other failure goes to the app's error handling.
   */
  bodyParser(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) =>
      void this.readBody(request, response).then(
        () => next(),
        (error: unknown) => {
          if (!(error instanceof WebhookRefusal)) {
            next(error);
            return;
          }
          response.status(error.getStatus()).json(error.getResponse());
        },
      );
  }

  /**
   * Reads a signed webhook's body as received into `request.body`: at most
   * WEBHOOK_BODY_LIMIT_BYTES (16 KB; else body-parser's 413 error), and a Content-Encoding other
   * than identity is a {@link WebhookRefusal} (415) before the body is read.
   */
  readBody(request: Request, response: Response): Promise<void> {
    return new Promise((resolve, reject) =>
      this.raw(request, response, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'encoding.unsupported') {
          this.refuseEncoding(request).then(reject, reject);
        } else if (error) {
          reject(error);
        } else {
          resolve();
        }
      }),
    );
  }

  /**
   * The value of a signed webhook, or a {@link WebhookRefusal} (thrown) after logging it once.
   * A signature that does not verify with the held keys waits for a fresh key first (Star
   * Community may have just rotated it) and is checked again before it is refused.
   */
  async read<T>(request: Request, contract: SignedWebhookContract<T>): Promise<T> {
    if (!identityEncoding(request)) throw await this.refuseEncoding(request);
    const body: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = decodeSignature(request.headers['x-signature']);
    if (signature === 'missing') {
      throw await this.refuseUnverified(request, 401, 'X-Signature header is missing');
    }
    if (signature === 'malformed') {
      throw await this.refuseUnverified(request, 401, 'X-Signature is not a base64 signature');
    }
    const verifies = (keys: readonly KeyObject[]) => signedByAny(body, signature, keys);
    if (!verifies(this.keys.valid()) && !(await this.keys.awaitFreshKeys(verifies))) {
      if (!this.keys.current()) {
        throw this.logged(
          request,
          new WebhookRefusal(
            503,
            'The Star Community public key is not available, so the webhook cannot be verified',
            'no_key',
          ),
        );
      }
      throw await this.refuseUnverified(request, 401, 'X-Signature does not match the body');
    }
    const parsed = parseStrictJson(body);
    const result = parsed.ok ? contract.read(parsed.json) : parsed;
    if (!result.ok) {
      throw this.logged(request, new WebhookRefusal(400, result.error, 'bad_request'));
    }
    return result.value;
  }

  private refuseEncoding(request: Request): Promise<WebhookRefusal> {
    const encoding = JSON.stringify(request.headers['content-encoding'] ?? '');
    return this.refuseUnverified(
      request,
      415,
      `Content-Encoding ${encoding} is not accepted: the signature covers the body as sent, send it unencoded`,
      { keepStatus: true },
    );
  }

  /**
   * Refuses a request that is not shown to come from Star Community and counts it against its
   * address; over the limit the answer is 429 (415 stays: it comes before anything else).
   */
  private async refuseUnverified(
    request: Request,
    status: number,
    message: string,
    { keepStatus = false } = {},
  ): Promise<WebhookRefusal> {
    const refusal = new WebhookRefusal(
      status,
      message,
      status === 401 ? 'bad_signature' : 'refused',
    );
    if (!(await this.limiter.overLimitAfterRefusal(clientAddress(request)))) {
      return this.logged(request, refusal);
    }
    if (keepStatus) return refusal;
    return new WebhookRefusal(
      429,
      'Too many refused webhooks from this address; try again in a minute',
      'throttled',
    );
  }

  private logged(request: Request, refusal: WebhookRefusal): WebhookRefusal {
    this.logger.warn(
      `Webhook refused with ${refusal.getStatus()} (${refusal.message}) ` +
        `from ${clientAddress(request)} at ${request.originalUrl.split('?')[0]}`,
    );
    return refusal;
  }
}

/** Whether the body comes as sent: no Content-Encoding, or `identity`. */
function identityEncoding(request: Request): boolean {
  const encoding = request.headers['content-encoding'];
  return encoding === undefined || encoding === '' || encoding.toLowerCase() === 'identity';
}
