// HTTP transport for WeChat's server API (https://api.weixin.qq.com, doc/channels/API/basics/commErrCode.html):
// JSON in, JSON out, `errcode` != 0 means failure whatever the HTTP status. The base URL is
// configuration so tests and the offline demo talk to our emulator. No token handling here: see
// token-broker.ts and api.ts.
import { WeChatApiError, WeChatTransportError } from './errors';
import { JsonTransport, type Query, type RawResponse, transportFailure } from './json-transport';
import { defaultRetryPolicy, withBackoff, type RetryDeps, type RetryPolicy } from './retry';

export const WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

export type { Query };

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
  private readonly transport: JsonTransport;

  constructor(options: WeChatClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? WECHAT_API_BASE_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.retryDeps = { sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
    this.timeoutMs = options.timeoutMs ?? WECHAT_CALL_TIMEOUT_MS;
    this.transport = new JsonTransport(this.baseUrl, this.timeoutMs);
  }

  getJson<T>(path: string, query: Query): Promise<T> {
    return this.jsonCall<T>(path, query, undefined);
  }

  /** `body` is sent exactly as JSON.stringify writes it, keys in insertion order. */
  postJson<T>(path: string, query: Query, body: unknown): Promise<T> {
    return this.jsonCall<T>(path, query, Buffer.from(JSON.stringify(body), 'utf8'));
  }

  /** The form is rebuilt for every attempt, so a retried upload sends the whole file again. */
  postForm<T>(path: string, query: Query, makeForm: () => FormData): Promise<T> {
    return withBackoff(
      async () => parseJson<T>(path, await this.fetchOnce(path, query, { method: 'POST', body: makeForm() })),
      this.retry,
      this.retryDeps,
    );
  }

  /** For downloads: binary on success, JSON with errcode on failure (cgi-bin/media/get). */
  getBinary(path: string, query: Query): Promise<BinaryResponse> {
    return withBackoff(() => this.binaryOnce(path, query), this.retry, this.retryDeps);
  }

  /** The JSON calls (tokens, sends) ride kept-alive pooled connections; see json-transport.ts. */
  private jsonCall<T>(path: string, query: Query, body: Buffer | undefined): Promise<T> {
    const target = this.transport.target(path, query);
    return withBackoff(async () => parseJson<T>(path, await this.transport.send(path, target, body)), this.retry, this.retryDeps);
  }

  private async binaryOnce(path: string, query: Query): Promise<BinaryResponse> {
    const res = await this.fetchOnce(path, query, { method: 'GET' });
    const contentType = res.contentType ?? 'application/octet-stream';
    // WeChat signals a failed download with a JSON body (sometimes labelled text/plain).
    if (/json|text\/plain/i.test(contentType)) {
      parseJson<unknown>(path, res);
      throw new WeChatTransportError(path, 'expected a file, got JSON without errcode');
    }
    const filename = /filename="?([^";]+)"?/i.exec(res.contentDisposition ?? '')?.[1];
    return { data: res.body, contentType, ...(filename !== undefined && { filename }) };
  }

  /** Media uploads and downloads (rare): fetch, with its own connections and a timeout signal per call. */
  private async fetchOnce(path: string, query: Query, init: RequestInit): Promise<RawResponse> {
    const url = new URL(`${this.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    let body: Buffer;
    try {
      res = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      body = Buffer.from(await res.arrayBuffer());
    } catch (cause) {
      throw transportFailure(path, cause);
    }
    if (!res.ok) throw new WeChatTransportError(path, `HTTP ${res.status}`, res.status);
    const contentType = res.headers.get('content-type') ?? undefined;
    const contentDisposition = res.headers.get('content-disposition') ?? undefined;
    return { body, contentType, contentDisposition };
  }
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
