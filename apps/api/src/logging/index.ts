// The logging module's public surface: other modules import only what is exported here.
export { LoggingModule } from './logging.module';
export { requestId } from './request-log';
