// The common module's public surface: other modules import only what is exported here.
export { clientAddress } from './client-address';
export { tokensMatch } from './tokens-match';
export { BackgroundWork } from './background-work';
export { OutboundHttp } from './outbound-http';
export type { OutboundAnswer, OutboundRequest } from './outbound-http';
export { bodyParserFailure, type BodyParserError } from './body-parser-failure';
