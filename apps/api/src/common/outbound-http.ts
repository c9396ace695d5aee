import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string | number>;
  body?: string | Buffer;
  /** The whole exchange, connect to last byte; the request is abandoned after it. */
  timeoutMs: number;
}

export interface OutboundAnswer {
  status: number;
  headers: IncomingHttpHeaders;
}

/**
 * Plain HTTP(S) calls to the systems we notify (Aurora, push services) over keep-alive
 * connections: no redirects followed, the answer's body read and dropped, one time limit for the
 * whole exchange. Far lighter per call than a general-purpose client, which matters because a
 * call goes out for every order change. Rejects with an error whose `code` says what went wrong
 * (`ETIMEDOUT` for the time limit, otherwise the socket's own code such as `ECONNREFUSED`).
 */
export class OutboundHttp {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  /** `maxSockets`: connections per host; callers cap their own calls in flight as well. */
  constructor(maxSockets: number) {
    // Idle connections are closed after 5 s, or sooner when the server's Keep-Alive hint says.
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets, timeout: 5000 });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets, timeout: 5000 });
  }

  send(url: URL, outbound: OutboundRequest): Promise<OutboundAnswer> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        url,
        {
          method: outbound.method,
          headers: outbound.headers,
          agent: secure ? this.httpsAgent : this.httpAgent,
        },
        (response) => {
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers }),
          );
          response.on('error', reject);
          response.resume();
        },
      );
      const timer = setTimeout(
        () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
        outbound.timeoutMs,
      );
      request.on('close', () => clearTimeout(timer));
      request.on('error', reject);
      request.end(outbound.body);
    });
  }

  /** Closes every kept-alive connection; calls still in flight fail. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
