// Webhooks end to end: the composed server on a SQLite file, the WeChat emulator pushing customers'
// messages, and an integrator's receiver on loopback checking every delivery with the README's signature
// verification. Deliveries survive a receiver that is down (later, in order per conversation, none lost,
// none delivered twice), a failing conversation holds back only itself, and a new server on the same
// file delivers what the old one was still retrying.
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';
import { WebhookReceiver, type ReceivedEvent } from './testing/webhook-receiver';

const RETRY = { retry: { backoff: { baseMs: 100, maxMs: 400 }, giveUpAfterMs: 60 * 60_000 } };
const ALL = [
  'message.received',
  'message.sent',
  'conversation.created',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.ended',
  'delivery.failed',
];

let stack: Stack;
let receiver: WebhookReceiver;
beforeEach(async () => {
  stack = await startStack({ webhooks: RETRY });
  receiver = new WebhookReceiver();
  await receiver.up();
}, 60_000);
afterEach(async () => {
  await receiver.down();
  await stack.close();
});

interface Created {
  webhook: { id: string; secretHint: string };
  secret: string;
}

async function register(events = ALL): Promise<Created> {
  const created = await stack.api<Created>('POST', `/channels/${CHANNEL.id}/webhooks`, { url: receiver.url, events });
  expect(created.status).toBe(201);
  receiver.secret = created.body.secret;
  return created.body;
}

const says = (openid: string, text: string) => stack.emulator.customerSays({ appId: CHANNEL.appId } as never, openid, 'text', { text });

/** The channel's stored deliveries to the endpoint, oldest first, as the server ordered them. */
async function stored(webhookId: string) {
  const log = await stack.api<{ deliveries: Array<{ id: number; eventId: string; status: string }> }>(
    'GET',
    `/webhooks/${webhookId}/deliveries?limit=200`,
  );
  return log.body.deliveries.slice().reverse();
}

async function allDelivered(webhookId: string, atLeast: number): Promise<true | undefined> {
  const d = await stored(webhookId);
  return d.length >= atLeast && d.every((x) => x.status === 'delivered') ? true : undefined;
}

const texts = (events: ReceivedEvent[], type: string) =>
  events.filter((e) => e.type === type).map((e) => (e.data.message as { content: { text: string } }).content.text);

it('delivers signed events a local receiver verifies, shows the secret once, and sends a test event', async () => {
  const { webhook, secret } = await register();
  expect(secret).toMatch(/^whsec_/);
  expect(webhook.secretHint).toBe(secret.slice(-4));
  await says('oAlice', '你好');
  await says('oAlice', '在吗');
  await eventually(async () => (texts(receiver.accepted, 'message.received').length === 2 ? true : undefined), 15_000);
  expect(receiver.received.every((r) => r.verified)).toBe(true);
  expect(texts(receiver.accepted, 'message.received')).toEqual(['你好', '在吗']);
  const first = receiver.accepted.find((e) => e.type === 'conversation.created');
  expect(first).toMatchObject({ channelId: CHANNEL.id, data: { state: expect.any(String) } });
  expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
  expect(receiver.received.some((r) => r.raw.includes(secret) || r.raw.includes(CHANNEL.secret))).toBe(false);

  const read = await stack.api<Record<string, unknown>>('GET', `/webhooks/${webhook.id}`);
  expect(JSON.stringify(read.body)).not.toContain(secret);
  const test = await stack.api<{ eventId: string }>('POST', `/webhooks/${webhook.id}/test`);
  expect(test.status).toBe(202);
  const got = await eventually(async () => receiver.accepted.find((e) => e.id === test.body.eventId), 10_000);
  expect(got).toMatchObject({ type: 'webhook.test', data: { webhookId: webhook.id } });
  const log = await stack.api<{ attempts: Array<{ eventId: string; statusCode: number; outcome: string; latencyMs: number }> }>(
    'GET',
    `/webhooks/${webhook.id}/deliveries`,
  );
  expect(log.body.attempts[0]).toMatchObject({ eventId: test.body.eventId, statusCode: 204, outcome: 'delivered' });
}, 60_000);

it('refuses a receiver that checks with the wrong secret: it answers 401 and the attempt is logged as a retry', async () => {
  const { webhook } = await register(['message.received']);
  receiver.secret = 'whsec_not-the-one';
  await says('oBob', 'hi');
  const log = await eventually(async () => {
    const l = await stack.api<{ attempts: Array<{ statusCode?: number; outcome: string; error?: string }> }>(
      'GET',
      `/webhooks/${webhook.id}/deliveries`,
    );
    return l.body.attempts.length > 0 ? l.body.attempts : undefined;
  }, 10_000);
  expect(log[0]).toMatchObject({ statusCode: 401, outcome: 'retry', error: 'HTTP 401' });
}, 60_000);

it('delivers everything later, in order per conversation and once each, after the receiver was down', async () => {
  const { webhook } = await register();
  await receiver.down();
  for (let i = 1; i <= 4; i += 1) {
    await says('oCarol', `c${i}`);
    await says('oDave', `d${i}`);
  }
  // Attempts fail while it is down (refused connections), and are retried.
  await eventually(async () => {
    const l = await stack.api<{ attempts: Array<{ outcome: string; error?: string }> }>('GET', `/webhooks/${webhook.id}/deliveries`);
    return l.body.attempts.filter((a) => a.outcome === 'retry').length >= 4 ? true : undefined;
  }, 15_000);
  await new Promise((r) => setTimeout(r, 1000));
  await receiver.up();
  const deliveries = await eventually(async () => {
    const d = await stored(webhook.id);
    return d.length >= 8 && d.every((x) => x.status === 'delivered') && receiver.accepted.length >= d.length ? d : undefined;
  }, 30_000);
  expectOncePerEvent(deliveries);
  const received = texts(receiver.accepted, 'message.received');
  expect(received.filter((t) => t.startsWith('c'))).toEqual(['c1', 'c2', 'c3', 'c4']);
  expect(received.filter((t) => t.startsWith('d'))).toEqual(['d1', 'd2', 'd3', 'd4']);
  expectStoredOrderPerConversation(deliveries);
  const log = await stack.api<{ attempts: Array<{ eventId: string; outcome: string }> }>(
    'GET',
    `/webhooks/${webhook.id}/deliveries?limit=200`,
  );
  const deliveredTwice = countBy(log.body.attempts.filter((a) => a.outcome === 'delivered').map((a) => a.eventId)).filter((n) => n > 1);
  expect(deliveredTwice).toEqual([]);
}, 90_000);

it('holds back a failing conversation’s later events, never the other conversations’', async () => {
  const { webhook } = await register(['message.received']);
  await says('oErin', 'e1');
  const erin = (await eventually(async () => receiver.accepted.find((e) => texts([e], 'message.received')[0] === 'e1'), 10_000)).data
    .conversationId;
  receiver.failing = (e) => e.data.conversationId === erin;
  await says('oErin', 'e2');
  await says('oErin', 'e3');
  await says('oFrank', 'f1');
  await says('oFrank', 'f2');
  await eventually(async () => (texts(receiver.accepted, 'message.received').includes('f2') ? true : undefined), 10_000);
  const tried = receiver.received
    .filter((r) => r.event.data.conversationId === erin && r.answered === 500)
    .map((r) => texts([r.event], 'message.received')[0]);
  expect(new Set(tried)).toEqual(new Set(['e2'])); // e3 waits behind e2
  receiver.failing = () => false;
  await eventually(() => allDelivered(webhook.id, 5), 15_000);
  expect(texts(receiver.accepted, 'message.received').filter((t) => t.startsWith('e'))).toEqual(['e1', 'e2', 'e3']);
}, 60_000);

it('a new server on the same SQLite file delivers what the previous one was still retrying', async () => {
  const { webhook } = await register(['message.received']);
  await receiver.down();
  await says('oGina', 'g1');
  await says('oGina', 'g2');
  await eventually(async () => {
    const l = await stack.api<{ attempts: unknown[] }>('GET', `/webhooks/${webhook.id}/deliveries`);
    return l.body.attempts.length >= 2 ? true : undefined;
  }, 10_000);
  await stack.restart();
  await receiver.up();
  await eventually(() => allDelivered(webhook.id, 2), 20_000);
  expect(texts(receiver.accepted, 'message.received')).toEqual(['g1', 'g2']);
  expect(receiver.received.every((r) => r.verified)).toBe(true);
}, 60_000);

it('disables, enables and deletes an endpoint', async () => {
  const { webhook } = await register(['message.received']);
  expect((await stack.api('PATCH', `/webhooks/${webhook.id}`, { enabled: false })).body).toMatchObject({ enabled: false });
  await says('oHank', 'while disabled');
  expect((await stack.api('POST', `/webhooks/${webhook.id}/test`)).status).toBe(409);
  await new Promise((r) => setTimeout(r, 500));
  expect(receiver.received).toEqual([]);
  await stack.api('PATCH', `/webhooks/${webhook.id}`, { enabled: true });
  await says('oHank', 'enabled again');
  await eventually(async () => (receiver.accepted.length > 0 ? true : undefined), 10_000);
  expect(texts(receiver.accepted, 'message.received')).toEqual(['enabled again']);
  expect((await stack.api('DELETE', `/webhooks/${webhook.id}`)).status).toBe(204);
  expect((await stack.api('GET', `/webhooks/${webhook.id}`)).status).toBe(404);
  expect((await stack.api<{ items: unknown[] }>('GET', `/channels/${CHANNEL.id}/webhooks`)).body.items).toEqual([]);
}, 60_000);

it('refuses plain http to another host and URLs with credentials', async () => {
  for (const url of ['http://example.com/hooks', 'https://user:pw@example.com/hooks', 'ftp://example.com/x', 'not a url']) {
    const answer = await stack.api<{ error: { message: string } }>('POST', `/channels/${CHANNEL.id}/webhooks`, {
      url,
      events: ['message.received'],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^url: /);
  }
  const unknown = await stack.api<{ error: { message: string } }>('POST', `/channels/${CHANNEL.id}/webhooks`, {
    url: 'https://example.com/h',
    events: ['message.exploded'],
  });
  expect(unknown.body.error.message).toBe('events: unknown event message.exploded');
}, 30_000);

function expectOncePerEvent(deliveries: Array<{ eventId: string }>): void {
  const ids = receiver.accepted.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(deliveries.map((d) => d.eventId)));
}

/** Each conversation's events reached the receiver in the order the server stored them. */
function expectStoredOrderPerConversation(deliveries: Array<{ eventId: string }>): void {
  const position = new Map(deliveries.map((d, i) => [d.eventId, i]));
  const byConversation = new Map<string, number[]>();
  for (const e of receiver.accepted) {
    const key = e.data.conversationId ?? e.id;
    byConversation.set(key, [...(byConversation.get(key) ?? []), position.get(e.id) ?? -1]);
  }
  for (const order of byConversation.values()) expect(order).toEqual([...order].sort((a, b) => a - b));
}

function countBy(values: string[]): number[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()];
}

it('over HTTP: agents may not use webhooks; a merchant admin’s endpoint is their merchant’s, and the platform’s is hidden from them', async () => {
  const platform = await register(['message.received']);
  const merchant = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/merchants`, { code: 'shop-a', name: '甲店' });
  const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小李', maxConcurrent: 3 });
  const grants = {
    boss: { role: 'merchant_admin', channelId: CHANNEL.id, merchantId: merchant.body.id },
    staff: { role: 'agent', agentId: agent.body.id },
  };
  const as = async (username: keyof typeof grants) => {
    const password = `${username}-password-1`;
    expect((await stack.api('POST', '/accounts', { username, password, grant: grants[username] })).status).toBe(201);
    const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const { token } = (await login.json()) as { token: string };
    return async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return {
        status: res.status,
        body: (res.status === 204 ? undefined : await res.json()) as { items?: Array<{ id: string }>; webhook?: { merchantId?: string } },
      };
    };
  };
  const staff = await as('staff');
  expect((await staff('GET', `/channels/${CHANNEL.id}/webhooks`)).status).toBe(403);
  expect((await staff('POST', `/channels/${CHANNEL.id}/webhooks`, { url: receiver.url, events: ['message.received'] })).status).toBe(403);
  const boss = await as('boss');
  const mine = await boss('POST', `/channels/${CHANNEL.id}/webhooks`, { url: receiver.url, events: ['message.received'] });
  expect(mine.status).toBe(201);
  expect(mine.body.webhook?.merchantId).toBe(merchant.body.id);
  expect((await boss('GET', `/channels/${CHANNEL.id}/webhooks`)).body.items?.map((w) => w.id)).not.toContain(platform.webhook.id);
  expect((await boss('GET', `/webhooks/${platform.webhook.id}/deliveries`)).status).toBe(403);
  expect((await boss('DELETE', `/webhooks/${platform.webhook.id}`)).status).toBe(403);
}, 60_000);
