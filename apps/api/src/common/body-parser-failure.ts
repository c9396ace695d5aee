/** An error from Express's body parsers (body-parser / raw-body): `status` and `type` say what. */
export interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

export interface BodyParserFailure {
  status: number;
  body: { statusCode: number; message: string; error: string };
}

/**
 * The JSON answer, in the API's error shape, for a body parser's refusal (a body over its cap,
 * JSON that does not parse, an aborted upload, …), or undefined when the error is not a
 * client's fault (it stays a server error).
 */
export function bodyParserFailure(error: unknown): BodyParserFailure | undefined {
  const { status, type, message } = error as BodyParserError;
  if (type === 'entity.too.large') {
    return {
      status: 413,
      body: {
        statusCode: 413,
        message: 'The request body is too large',
        error: 'Payload Too Large',
      },
    };
  }
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const text = type === 'entity.parse.failed' ? 'The body is not valid JSON' : message;
  return { status, body: { statusCode: status, message: text, error: 'Bad Request' } };
}
