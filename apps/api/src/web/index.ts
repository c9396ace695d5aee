// The web module's public surface: other modules import only what is exported here.
export { setApiAnswerHeaders } from './api-answer-headers';
export { robotsTxt } from './robots';
export { securityHeaders } from './security-headers';
export { serveBuiltApps } from './static-files';
export { WebModule } from './web.module';
