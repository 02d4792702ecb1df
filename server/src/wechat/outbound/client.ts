// HTTP transport for WeChat's server API (https://api.weixin.qq.com, doc/channels/API/basics/commErrCode.html):
// JSON in, JSON out, `errcode` != 0 means failure whatever the HTTP status. The base URL is
// configuration so tests and the offline demo talk to our emulator. No token handling here: see
// token-broker.ts and api.ts.
import { WeChatApiError, WeChatTransportError } from './errors';
import { defaultRetryPolicy, withBackoff, type RetryDeps, type RetryPolicy } from './retry';

export const WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

export type Query = Record<string, string | undefined>;

export interface WeChatClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export interface BinaryResponse {
  data: Buffer;
  contentType: string;
  /** From Content-Disposition when WeChat names the file. */
  filename?: string;
}

/**
 * How long a call may take. WeChat's API answers in well under a second normally and in a few seconds
 * when it is busy; 30 s is far beyond its slowest normal answer, so a timeout means WeChat is in trouble,
 * not slow. A send that times out is in doubt (WeChat may have delivered it), and the outbox re-sends an
 * in-doubt message only once, so a timeout shorter than WeChat's slow answers would duplicate messages.
 */
export const WECHAT_CALL_TIMEOUT_MS = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WeChatClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly retry: RetryPolicy;
  private readonly retryDeps: RetryDeps;
  private readonly timeoutMs: number;

  constructor(options: WeChatClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? WECHAT_API_BASE_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.retryDeps = { sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
    this.timeoutMs = options.timeoutMs ?? WECHAT_CALL_TIMEOUT_MS;
  }

  getJson<T>(path: string, query: Query): Promise<T> {
    return this.jsonCall<T>(path, query, () => ({ method: 'GET' }));
  }

  /** `body` is sent exactly as JSON.stringify writes it, keys in insertion order. */
  postJson<T>(path: string, query: Query, body: unknown): Promise<T> {
    const text = JSON.stringify(body);
    return this.jsonCall<T>(path, query, () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: text }));
  }

  /** The form is rebuilt for every attempt, so a retried upload sends the whole file again. */
  postForm<T>(path: string, query: Query, makeForm: () => FormData): Promise<T> {
    return this.jsonCall<T>(path, query, () => ({ method: 'POST', body: makeForm() }));
  }

  /** For downloads: binary on success, JSON with errcode on failure (cgi-bin/media/get). */
  getBinary(path: string, query: Query): Promise<BinaryResponse> {
    return withBackoff(() => this.binaryOnce(path, query), this.retry, this.retryDeps);
  }

  private jsonCall<T>(path: string, query: Query, init: () => RequestInit): Promise<T> {
    return withBackoff(async () => parseJson<T>(path, await this.send(path, query, init())), this.retry, this.retryDeps);
  }

  private async binaryOnce(path: string, query: Query): Promise<BinaryResponse> {
    const res = await this.send(path, query, { method: 'GET' });
    const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
    // WeChat signals a failed download with a JSON body (sometimes labelled text/plain).
    if (/json|text\/plain/i.test(contentType)) {
      parseJson<unknown>(path, res);
      throw new WeChatTransportError(path, 'expected a file, got JSON without errcode');
    }
    const filename = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1];
    return { data: res.body, contentType, ...(filename !== undefined && { filename }) };
  }

  private async send(path: string, query: Query, init: RequestInit): Promise<RawResponse> {
    const url = new URL(`${this.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    let body: Buffer;
    try {
      res = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      body = Buffer.from(await res.arrayBuffer());
    } catch (cause) {
      // The URL is left out on purpose: its query carries the access_token or the AppSecret.
      const inDoubt = requestMayHaveArrived(cause);
      throw new WeChatTransportError(path, inDoubt ? 'no answer (WeChat may have received it)' : 'request failed', undefined, {
        cause,
        inDoubt,
      });
    }
    if (!res.ok) throw new WeChatTransportError(path, `HTTP ${res.status}`, res.status);
    return { headers: res.headers, body };
  }
}

/**
 * Whether a failed fetch may have reached WeChat: yes after a timeout or a connection lost while waiting
 * for the answer; no when connecting failed (refused, reset while connecting, unknown host).
 */
function requestMayHaveArrived(cause: unknown): boolean {
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) return true;
  const inner = (cause as { cause?: { code?: unknown; syscall?: unknown } } | undefined)?.cause;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;
  if (inner?.syscall === 'connect' || inner?.syscall === 'getaddrinfo') return false;
  return !(code !== undefined && NOT_SENT_CODES.has(code));
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

interface RawResponse {
  headers: Headers;
  body: Buffer;
}

function parseJson<T>(path: string, res: RawResponse): T {
  let data: unknown;
  try {
    data = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new WeChatTransportError(path, 'response is not JSON');
  }
  if (typeof data !== 'object' || data === null) throw new WeChatTransportError(path, 'response is not a JSON object');
  const { errcode, errmsg } = data as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode === 'number' && errcode !== 0) {
    throw new WeChatApiError(errcode, typeof errmsg === 'string' ? errmsg : '', path);
  }
  return data as T;
}
