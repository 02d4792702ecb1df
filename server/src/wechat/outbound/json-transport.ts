// The connections of WeChat's JSON calls (tokens, customer-service sends): node:http(s) over one kept-alive
// agent per API host, so a send reuses a warm connection (and its TLS session) instead of opening one.
// Cheaper per call than fetch: no AbortSignal, no web streams, no URL object, one timer. Every behaviour of
// the fetch path is kept: the call timeout, no redirects followed, and the "in doubt" rule below.
import http from 'node:http';
import https from 'node:https';
import { WeChatTransportError } from './errors';

export interface RawResponse {
  body: Buffer;
  contentType?: string;
  contentDisposition?: string;
}

export type Query = Record<string, string | undefined>;

/**
 * How long an idle pooled connection is kept: shorter than common servers' keep-alive timeouts (Node's 5 s,
 * nginx's 75 s), so we close an idle connection before the server does and never write a request into a
 * connection the server is closing (that request would be in doubt for nothing).
 */
export const IDLE_CONNECTION_MS = 4000;
/** At most this many connections to one API host; the outbox sends in bounded batches well below it. */
export const MAX_CONNECTIONS = 64;

export class JsonTransport {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  private readonly hostname: string;
  private readonly port: number | undefined;
  private readonly basePath: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`WeChat API base URL must be http(s): ${url.protocol}`);
    const secure = url.protocol === 'https:';
    const options = { keepAlive: true, maxSockets: MAX_CONNECTIONS, timeout: IDLE_CONNECTION_MS, scheduling: 'lifo' as const };
    this.agent = secure ? new https.Agent(options) : new http.Agent(options);
    this.request = secure ? https.request : http.request;
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    this.port = url.port === '' ? undefined : Number(url.port);
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  /** The request target (path and query), built once per call and reused by its retries. */
  target(path: string, query: Query): string {
    let target = `${this.basePath}/${path.replace(/^\/+/, '')}`;
    let sep = '?';
    for (const key in query) {
      const value = query[key];
      if (value === undefined) continue;
      target += `${sep}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
      sep = '&';
    }
    return target;
  }

  /** GET without a body, POST with a JSON one. Rejects with a WeChatTransportError (never naming the target). */
  send(path: string, target: string, body: Buffer | undefined): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const headers = body === undefined ? undefined : { 'content-type': 'application/json', 'content-length': body.length };
      const req = this.request({
        agent: this.agent,
        hostname: this.hostname,
        port: this.port,
        path: target,
        method: body === undefined ? 'GET' : 'POST',
        headers,
      });
      let written = false;
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(transportFailure(path, err, written));
      };
      const timer = setTimeout(() => req.destroy(timeoutError(this.timeoutMs)), this.timeoutMs);
      req.on('finish', () => {
        written = true;
      });
      req.on('error', fail);
      // A connection that closes without an error event still ends the call (no error is built once settled:
      // every call's request closes).
      req.on('close', () => settled || fail(connectionClosed()));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('close', () => settled || res.complete || fail(connectionClosed()));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) return reject(new WeChatTransportError(path, `HTTP ${status}`, status));
          const contentType = res.headers['content-type'];
          resolve({ body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), ...(contentType && { contentType }) });
        });
      });
      req.end(body);
    });
  }
}

function connectionClosed(): Error {
  return Object.assign(new Error('connection closed before the answer was complete'), { code: 'ECONNRESET' });
}

function timeoutError(ms: number): Error {
  const err = new Error(`no answer within ${ms} ms`);
  err.name = 'TimeoutError';
  return err;
}

/**
 * A call that failed without an answer. The URL is left out on purpose: its query carries the access_token
 * or the AppSecret. `written`: whether the whole request was handed to the connection (undefined when not
 * known, as with fetch); one that never was cannot have been carried out.
 */
export function transportFailure(path: string, failure: unknown, written?: boolean): WeChatTransportError {
  // A network error keeps fetch's shape (the system error as the cause's cause), a timeout is the cause.
  // (Duck-typed: Node's own errors may come from another realm than this module's Error.)
  const isError = typeof failure === 'object' && failure !== null && 'message' in failure;
  const cause = isError && (failure as Error).name !== 'TimeoutError' && written !== undefined ? networkError(failure as Error) : failure;
  const inDoubt = written !== false && requestMayHaveArrived(cause);
  return new WeChatTransportError(path, inDoubt ? 'no answer (WeChat may have received it)' : 'request failed', undefined, {
    cause,
    inDoubt,
  });
}

function networkError(err: Error): Error {
  return new Error(`network error${'code' in err ? ` (${String(err.code)})` : ''}`, { cause: err });
}

/**
 * Whether a failed call may have reached WeChat: yes after a timeout or a connection lost while waiting
 * for the answer; no when connecting failed (refused, reset while connecting, unknown host).
 */
export function requestMayHaveArrived(cause: unknown): boolean {
  const name = (cause as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  const inner = (cause as { cause?: { code?: unknown; syscall?: unknown } } | undefined)?.cause;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;
  if (inner?.syscall === 'connect' || inner?.syscall === 'getaddrinfo') return false;
  return !(code !== undefined && NOT_SENT_CODES.has(code));
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
