// Webhooks: what an endpoint may be. Events carry customers' messages, so they travel over HTTPS; plain
// http is allowed only to this machine (127.0.0.1, ::1, localhost) and only when the server's test/dev
// setting says so (KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1), so tests can run a local receiver. A URL never
// carries a user name or password: the endpoint list shows URLs, and the secret is the endpoint's own.
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Why the URL cannot be an endpoint, or undefined when it can. */
export function webhookUrlProblem(text: string, allowLocalHttp: boolean): string | undefined {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return `url: at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url: not a valid URL';
  }
  if (url.username !== '' || url.password !== '') return 'url: must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowLocalHttp && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
    return 'url: must use https (plain http to this machine needs KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1, for tests and development)';
  return 'url: must use https';
}

/** The subscribed events, each once, in the documented order; an unknown name is an error. */
export function subscribedEvents(names: readonly string[]): WebhookEventType[] | string {
  const unknown = names.filter((n) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(n));
  if (unknown.length > 0) return `events: unknown event ${unknown.join(', ')}`;
  const picked = WEBHOOK_EVENT_TYPES.filter((t) => names.includes(t));
  return picked.length === 0 ? 'events: choose at least one event' : picked;
}
