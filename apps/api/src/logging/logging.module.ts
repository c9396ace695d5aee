import { Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { AppConfig } from '../config';
import { LogOutput } from './log-output';
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
      providers: [LogOutput],
      inject: [AppConfig, LogOutput],
      useFactory: (config: AppConfig, output: LogOutput): Params => ({
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
          output.stream,
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
