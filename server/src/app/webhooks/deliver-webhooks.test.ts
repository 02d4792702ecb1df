// The sender's story with the in-memory store and a recording transport: what is posted (body, signature
// headers), what each answer does to the delivery, and an http endpoint once the test/dev setting is off.
import type { WebhookRequest } from '../../core/ports/webhook-transport';
import { InMemoryWebhookStore } from '../../storage/testing/in-memory-webhook-store';
import { startDueWebhooks, type DeliverDeps } from './deliver-webhooks';

const POLICY = { backoff: { baseMs: 1000, maxMs: 8000 }, giveUpAfterMs: 60_000 };

async function setUp(url: string, status: number | undefined, allowLocalHttp: boolean) {
  const webhooks = new InMemoryWebhookStore();
  const posted: WebhookRequest[] = [];
  let now = 1_700_000_000_000;
  const deps: DeliverDeps = {
    webhooks,
    transport: {
      post: async (r) => (
        posted.push(r),
        status === undefined ? { error: 'connection failed: ECONNREFUSED', latencyMs: 2 } : { statusCode: status, latencyMs: 5 }
      ),
    },
    sign: (secret, ts, body) => `${secret}|${ts}|${body.length}`,
    clock: { now: () => now },
    policy: POLICY,
    random: () => 0.999_999_999,
    allowLocalHttp,
  };
  await webhooks.createEndpoint(
    { id: 'whk1', channelId: 'ch1', url, events: ['message.received'], enabled: true, secretHint: 'cret', createdAt: now, updatedAt: now },
    'whsec_secret',
  );
  await webhooks.enqueue([
    { endpointId: 'whk1', eventId: 'evt1', type: 'message.received', orderKey: 'c1', body: '{"id":"evt1"}', createdAt: now },
  ]);
  const run = async () => Promise.all(await startDueWebhooks(deps, 10));
  return { webhooks, posted, run, later: (ms: number) => (now += ms) };
}

it('posts the body with the event id, type, timestamp in seconds and the signature over them', async () => {
  const s = await setUp('https://hooks.example.com/x', 204, false);
  await s.run();
  expect(s.posted[0]).toMatchObject({
    url: 'https://hooks.example.com/x',
    body: '{"id":"evt1"}',
    headers: {
      'x-kefu-event-id': 'evt1',
      'x-kefu-event-type': 'message.received',
      'x-kefu-timestamp': '1700000000',
      'x-kefu-signature': 'v1=whsec_secret|1700000000|13',
      'x-kefu-delivery-attempt': '1',
    },
  });
  expect(await s.webhooks.getDelivery(1)).toMatchObject({ status: 'delivered', attempts: 1 });
});

it('retries a refused connection after the backoff, logging the error and latency', async () => {
  const s = await setUp('https://hooks.example.com/x', undefined, false);
  await s.run();
  expect(await s.webhooks.attempts('whk1', { limit: 5 })).toEqual([
    expect.objectContaining({ outcome: 'retry', error: 'connection failed: ECONNREFUSED', latencyMs: 2, attempt: 1 }),
  ]);
  await s.run();
  expect(s.posted).toHaveLength(1); // not due yet
  s.later(1000);
  await s.run();
  expect(s.posted).toHaveLength(2);
});

it('does not post to an http endpoint once the test/dev setting is off', async () => {
  const s = await setUp('http://127.0.0.1:9/x', 204, false);
  await s.run();
  expect(s.posted).toEqual([]);
  expect((await s.webhooks.attempts('whk1', { limit: 5 }))[0]).toMatchObject({
    outcome: 'retry',
    error: expect.stringMatching(/^url: must use https/),
  });
});
