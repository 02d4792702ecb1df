// Posts webhook deliveries over HTTP(S) with fetch: redirects are never followed (a 3xx is an answer, and
// a failed attempt), each post gives up after a timeout (10 s by default), and the answer's body is
// discarded unread beyond what the connection needs. Never throws: a failure is an answer with an error.
// Errors name what happened, never the URL's query or the secret.
import type { WebhookAnswer, WebhookRequest, WebhookTransport } from '../core/ports/webhook-transport';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export class FetchWebhookTransport implements WebhookTransport {
  constructor(private readonly timeoutMs = WEBHOOK_TIMEOUT_MS) {}

  async post(request: WebhookRequest): Promise<WebhookAnswer> {
    const started = performance.now();
    const latency = () => performance.now() - started;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        body: request.body,
        headers: request.headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return { statusCode: response.status, latencyMs: latency() };
    } catch (err) {
      return { error: describe(err, this.timeoutMs), latencyMs: latency() };
    }
  }
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `connection failed: ${cause}` : `request failed: ${e.message ?? String(err)}`;
}
