// The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF token
// echoed on unsafe methods (server/src/http/workbench/cookie-auth.ts), and the API's error shape
// {"error": {"code", "message", "field"?, "reason"?, "params"?}} turned into ApiError, worded in the
// page's language. A 401 tells the session to show the login page.
import { activeLang } from '../i18n/define';
import { errorSentence, type ErrorFacts } from '../i18n/errors/error-text';

/**
 * A refused request. `message` is a sentence in the page's language (i18n/errors: by the field and
 * reason, else by the code), never the server's English, which stays in `serverMessage` for logs.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    details: Omit<ErrorFacts, 'status' | 'code'> = {},
  ) {
    super(errorSentence(activeLang(), { status, code, ...details }));
    this.field = details.field;
    this.reason = details.reason;
    this.params = details.params;
  }
}

const CSRF_COOKIE = 'kefu_csrf';

function csrfToken(): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when any request answers 401: the session is gone (expired, logged out elsewhere). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

let workingChannel: string | undefined;

/**
 * The channel the workbench shows, sent as X-Kefu-Channel: a login linked to agents in several channels
 * then acts as that channel's agent in requests that name no channel of their own.
 */
export function setWorkingChannel(channelId: string | undefined): void {
  workingChannel = channelId;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let details: Omit<ErrorFacts, 'status' | 'code'> = {};
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } & Omit<ErrorFacts, 'status' | 'code'> };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
    const { field, reason, params } = body.error ?? {};
    details = { field, reason, params };
  } catch {
    // Not JSON (a proxy's error page): keep the status text.
  }
  return new ApiError(res.status, code, message, details);
}

/** A request to the server; `path` is absolute ('/api/v1/…', '/workbench/…'). Answers the parsed JSON (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (workingChannel !== undefined) headers['x-kefu-channel'] = workingChannel;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'the server cannot be reached');
  }
  if (res.status === 401) for (const l of unauthenticatedListeners) l();
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query && { query }), ...(signal && { signal }) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Base64 of a file's bytes, for the API's JSON uploads. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
