import { Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { destination } from 'pino';
import { AppConfig } from '../config';
import { redactUrl, REDACTED_PATHS } from './redaction';
import { requestId } from './request-log';

/** Requests not worth a log line each: Socket.IO transport, health probes, scrapes. */
const QUIET_PATHS = /^\/(socket\.io\/|health(\/|$)|metrics$)/;

/**
 * Structured JSON logs (pino) for the whole app: one line per request with a request id (taken
 * from X-Request-Id when sane, else generated, and echoed back), Nest's own logs with their
 * context, and secrets censored: tokens, cookies, signatures, API keys, the login link's token.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig): Params => ({
        pinoHttp: [
          {
            level: config.logLevel,
            genReqId: requestId,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            serializers: {
              req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.remoteAddress,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
          logDestination(),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}

/** How long a log line may wait in memory before it is written. */
const LOG_FLUSH_INTERVAL_MS = 20;
/** Buffered lines are written at once when they reach this many bytes (a busy moment). */
const LOG_BATCH_BYTES = 4096;

/**
 * Standard output, written asynchronously and in batches. Asynchronously: a synchronous write
 * blocks the event loop while the reader (journald, a pipe) is slow, and on a full pipe pino's
 * synchronous mode sleeps 100 ms before it retries. In batches, every {@link LOG_FLUSH_INTERVAL_MS}
 * or {@link LOG_BATCH_BYTES}: each write wakes whatever reads our output, and when that happened
 * between an order's answer and its board broadcast (the request's own log lines), the reader took
 * a core from the fan-out and the phones' receipt came ~1.5 ms later at 1,000 boards (issue 18,
 * docs/benchmarks.md). pino writes what is still buffered when the process exits; a SIGKILL loses
 * at most the last interval's lines.
 */
function logDestination() {
  return destination({
    dest: 1,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  });
}
