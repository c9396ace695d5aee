import * as oidc from 'openid-client';

/** A failed sign-in as the person sees it (status, title, message) and as the log says it. */
export interface SignInProblem {
  status: number;
  title: string;
  message: string;
  /** For the log: never a token, code or secret. */
  reason: string;
}

/** Explains an error of discovery or of the code exchange and token checks. */
export function signInProblem(error: unknown, providerName: string): SignInProblem {
  const again = 'Go back to the login screen and sign in again.';
  if (error instanceof oidc.AuthorizationResponseError) {
    return {
      status: 400,
      title: 'Sign-in was not completed',
      message: `${providerName} did not sign you in (${error.error}). ${again}`,
      reason: `authorization error ${error.error}`,
    };
  }
  if (error instanceof oidc.ResponseBodyError) {
    return {
      status: 400,
      title: 'Sign-in link already used or expired',
      message: `${providerName} refused this sign-in (${error.error}); it was probably used already. ${again}`,
      reason: `token endpoint refused: ${error.error}`,
    };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = detail(error);
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    return {
      status: 400,
      title: 'Sign-in token expired',
      message: `The sign-in token from ${providerName} has expired or is not valid yet (is this server's clock right?). ${again}`,
      reason: `ID token time check failed: ${message}`,
    };
  }
  if (
    code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' ||
    code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'
  ) {
    return {
      status: 400,
      title: 'Sign-in token not for this app',
      message: `The sign-in token did not pass its checks (${message}). ${again}`,
      reason: `ID token check failed: ${message}`,
    };
  }
  if (isUnreachable(error)) {
    return {
      status: 503,
      title: `${providerName} is not answering`,
      message: `${providerName} did not answer in time, so nobody can sign in with it right now. Try again in a minute; the kitchen tablet's token login still works if it is switched on.`,
      reason: `provider unreachable: ${message}`,
    };
  }
  return {
    status: 502,
    title: 'Sign-in failed',
    message: `The answer from ${providerName} could not be used (${message}). ${again}`,
    reason: `unusable provider answer${typeof code === 'string' ? ` ${code}` : ''}: ${message}`,
  };
}

/** The error's own words; openid-client keeps the specific ones (which claim) in its cause. */
function detail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? cause.message : error.message;
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error.message === 'fetch failed') return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isUnreachable(cause);
}
