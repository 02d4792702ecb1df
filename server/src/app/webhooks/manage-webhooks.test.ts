// Webhook endpoints as admins manage them: who may register, see and change which endpoint, the URL
// rules, and which events become deliveries for which endpoint (a merchant's endpoint hears only its
// merchant). CSAT ratings are recorded by another story; its event travels the same port.
import type { WebhookEvent } from '../../core/webhooks/webhook-events';
import { InMemoryWebhookStore } from '../../storage/testing/in-memory-webhook-store';
import { OPERATOR, type Principal } from '../auth/principal';
import { adminFixture } from '../testing/admin-fixture';
import { createWebhook, deleteWebhook, listWebhooks, sendTestEvent, setWebhookEnabled, webhookLog } from './manage-webhooks';
import { recordWebhookEvents } from './record-webhook-events';
import type { WebhookDeps } from './webhook-deps';

const via = { kind: 'token' as const, tokenId: 't1' };
const m1Admin: Principal = { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1', via };
const m2Admin: Principal = { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm2', via };
const agent: Principal = { role: 'agent', channelId: 'ch1', merchantId: 'm1', agentId: 'a1', via };
const URL = 'https://hooks.example.com/kefu';

let deps: WebhookDeps;
let secrets = 0;
beforeEach(async () => {
  const f = await adminFixture();
  deps = { ...f.admin, webhooks: new InMemoryWebhookStore(), newSecret: () => `whsec_secret${++secrets}`, allowLocalHttp: false };
});

const make = (p: Principal, over: { merchantId?: string; url?: string; events?: string[] } = {}) =>
  createWebhook(deps, p, { channelId: 'ch1', url: URL, events: ['message.received'], ...over });

describe('who may manage which endpoint', () => {
  it('puts a merchant admin’s endpoint in their merchant and hides the platform’s and other merchants’', async () => {
    const platform = await make(OPERATOR);
    const mine = await make(m1Admin);
    const theirs = await make(m2Admin);
    expect(platform.endpoint.merchantId).toBeUndefined();
    expect(mine.endpoint.merchantId).toBe('m1');
    expect((await listWebhooks(deps, m1Admin, 'ch1')).map((e) => e.id)).toEqual([mine.endpoint.id]);
    expect((await listWebhooks(deps, OPERATOR, 'ch1')).map((e) => e.id)).toEqual([
      platform.endpoint.id,
      mine.endpoint.id,
      theirs.endpoint.id,
    ]);
    await expect(setWebhookEnabled(deps, m1Admin, theirs.endpoint.id, false)).rejects.toMatchObject({ status: 403 });
    await expect(deleteWebhook(deps, m1Admin, platform.endpoint.id)).rejects.toMatchObject({ status: 403 });
    await expect(webhookLog(deps, m1Admin, platform.endpoint.id, { limit: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(sendTestEvent(deps, m2Admin, mine.endpoint.id)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses a merchant admin asking for another merchant, another channel, and agents altogether', async () => {
    await expect(make(m1Admin, { merchantId: 'm2' })).rejects.toMatchObject({ status: 403 });
    await expect(createWebhook(deps, m1Admin, { channelId: 'ch9', url: URL, events: ['message.received'] })).rejects.toMatchObject({
      status: 403,
    });
    await expect(make(agent)).rejects.toMatchObject({ status: 403 });
    await expect(make(OPERATOR, { merchantId: 'm9' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('what an endpoint may be', () => {
  it('takes https only, and http to this machine only with the test/dev setting', async () => {
    await expect(make(OPERATOR, { url: 'http://127.0.0.1:9/h' })).rejects.toMatchObject({
      status: 400,
      publicMessage: expect.stringContaining('KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1'),
    });
    deps = { ...deps, allowLocalHttp: true };
    await expect(make(OPERATOR, { url: 'http://127.0.0.1:9/h' })).resolves.toBeDefined();
    await expect(make(OPERATOR, { url: 'http://localhost:9/h' })).resolves.toBeDefined();
    await expect(make(OPERATOR, { url: 'http://10.0.0.1/h' })).rejects.toMatchObject({ publicMessage: 'url: must use https' });
  });

  it('keeps the subscribed events in the documented order, each once, and needs one', async () => {
    const { endpoint } = await make(OPERATOR, { events: ['conversation.ended', 'message.received', 'conversation.ended'] });
    expect(endpoint.events).toEqual(['message.received', 'conversation.ended']);
    await expect(make(OPERATOR, { events: [] })).rejects.toMatchObject({ publicMessage: 'events: choose at least one event' });
  });

  it('returns the secret once; the endpoint shows only its last four characters', async () => {
    const { endpoint, secret } = await make(OPERATOR);
    expect(endpoint.secretHint).toBe(secret.slice(-4));
    expect(JSON.stringify(await listWebhooks(deps, OPERATOR, 'ch1'))).not.toContain(secret);
  });
});

describe('which events become deliveries', () => {
  const event = (type: WebhookEvent['type'], merchantId?: string, conversationId = 'c1'): WebhookEvent => ({
    id: `evt-${type}-${merchantId}`,
    type,
    occurredAt: 5,
    channelId: 'ch1',
    merchantId,
    conversationId,
    payload: { score: 5 },
  });

  it('reaches endpoints subscribed to the type that see the merchant, and none disabled', async () => {
    const all = await make(OPERATOR, { events: ['csat.received'] });
    const m1 = await make(m1Admin, { events: ['csat.received', 'message.received'] });
    const off = await make(OPERATOR, { events: ['csat.received'] });
    await setWebhookEnabled(deps, OPERATOR, off.endpoint.id, false);
    await recordWebhookEvents(deps, [event('csat.received', 'm1'), event('csat.received', 'm2'), event('conversation.ended', 'm1')]);
    const types = async (id: string) =>
      (await deps.webhooks.deliveries(id, 10)).map((d) => JSON.parse(d.body) as { type: string; merchantId?: string });
    expect(await types(all.endpoint.id)).toEqual([
      expect.objectContaining({ type: 'csat.received', merchantId: 'm2' }),
      expect.objectContaining({ type: 'csat.received', merchantId: 'm1' }),
    ]);
    expect(await types(m1.endpoint.id)).toEqual([
      expect.objectContaining({ type: 'csat.received', merchantId: 'm1', data: { conversationId: 'c1', score: 5 } }),
    ]);
    expect(await types(off.endpoint.id)).toEqual([]);
  });
});
