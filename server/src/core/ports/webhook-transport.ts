// Port: how a webhook delivery reaches its endpoint, and how it is signed (both need the platform: HTTP
// and HMAC live outside core, in runtime/ and security/).

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** What came back: the receiver's status, or why there was none (timeout, refused, redirect…). Never throws. */
export interface WebhookAnswer {
  statusCode?: number;
  error?: string;
  latencyMs: number;
}

export interface WebhookTransport {
  post(request: WebhookRequest): Promise<WebhookAnswer>;
}

/** The signature header's value for `body` sent at `timestamp` (seconds), with the endpoint's secret. */
export type WebhookSigner = (secret: string, timestamp: number, body: string) => string;
