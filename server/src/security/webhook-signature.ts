// Webhook signatures: HMAC-SHA256 with the endpoint's secret over `timestamp + "." + body`, hex. The
// receiver recomputes it over the raw body it got and compares in constant time (README: Webhooks);
// `verifyWebhookSignature` is that check, used by our own tests' receiver exactly as documented.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookSigner } from '../core/ports/webhook-transport';

export const signWebhook: WebhookSigner = (secret, timestamp, body) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/**
 * True when `header` (`v1=<hex>`) signs `body` at `timestamp` with `secret`, and the timestamp is within
 * `toleranceSeconds` of `nowSeconds` (an old signed body replayed later is refused).
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  timestamp: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(`v1=${signWebhook(secret, ts, body)}`, 'utf8');
  const given = Buffer.from(header, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
