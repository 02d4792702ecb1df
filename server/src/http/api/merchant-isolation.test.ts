// Merchant isolation, proven: merchant m1's admin and m1's agent try every route family on merchant m2's
// data over real HTTP, and each attempt is refused (403, or 404 where the API does not confirm that a
// record exists). Lists they may call return nothing of m2's. Nothing of m2's changes.
import { knowledgeModule } from '../../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../../storage/sqlite-knowledge';
import { openDatabase } from '../../storage/database';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

const CAL = {
  name: 'Office',
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 540, end: 1080 }],
  holidays: [],
};
const KB = '/api/v1/channels/ch1/knowledge';

let f: ApiFixture;
let kb: ReturnType<typeof knowledgeModule>;
let m2AdminAccount = '';
let m2Media = '';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(async () => {
  kb = knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), { now: () => 5, newId: (p) => `${p}_x`, pollMs: 0 });
  await kb.service.start();
  f = await startApiFixture({ knowledge: kb.service });
  const now = f.engine.clock.now();
  for (const [id, merchantId, agentId] of [
    ['c1', 'm1', 'a1'],
    ['c2', 'm2', 'a2'],
  ] as const) {
    await f.engine.store.tx.customers.save({
      id: `cust-${id}`,
      channelId: 'ch1',
      openid: `o-${id}`,
      params: {},
      customFields: {},
      firstSeenAt: now,
      lastSeenAt: now,
      sendWindow: { remaining: 5, expiresAt: now + 3_600_000 },
    });
    await f.engine.store.tx.conversations.save({
      id,
      channelId: 'ch1',
      merchantId,
      customerId: `cust-${id}`,
      state: 'assigned',
      agentId,
      remainingChain: [],
      excludedAgentIds: [],
      createdAt: now,
      assignedAt: now,
    });
  }
  await f.engine.group('gA', { merchantId: 'm1' });
  await f.engine.group('gB', { merchantId: 'm2' });
  await f.engine.calendar('calB', { merchantId: 'm2' });
  await f.engine.settings({ maxQueueLength: 7 }, 'm2');
  const entry = await f.call('POST', KB, f.tokens.platform, {
    number: 1,
    keywords: ['退货'],
    type: 'text',
    text: 'm2 answer',
    merchantId: 'm2',
  });
  expect(entry.status).toBe(201);
  await kb.service.saveSynonyms({ channelId: 'ch1', merchantId: 'm2' }, [['m2word', 'm2syn']]);
  m2AdminAccount = (
    await f.service.createAccount('m2-boss', 'm2-boss-password', { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm2' })
  ).id;
  m2Media = (
    await kb.service.saveMedia({
      filename: 'm2.png',
      contentType: 'image/png',
      data: Buffer.from(PNG, 'base64'),
      owner: { channelId: 'ch1', merchantId: 'm2' },
      kind: 'reply',
    })
  ).slice('media:'.length);
});
afterAll(async () => {
  await f.close();
  await kb.service.stop?.();
});

type Attempt = [method: string, path: string, body?: unknown];

/** Every route family, aimed at m2's records (or at m1's records with m2's in the body). */
const attempts = (): Attempt[] => [
  // conversations and messages
  ['GET', '/api/v1/channels/ch1/conversations?merchantId=m2'],
  ['GET', '/api/v1/conversations/c2'],
  ['GET', '/api/v1/conversations/c2/messages'],
  ['GET', '/api/v1/conversations/c2/send-window'],
  ['GET', '/api/v1/conversations/c2/events'],
  // reply, transfer, end
  ['POST', '/api/v1/conversations/c2/reply', { text: 'hi' }],
  ['POST', '/api/v1/conversations/c2/reply', { text: 'hi', agentId: 'a2' }],
  ['POST', '/api/v1/conversations/c1/reply', { text: 'hi', agentId: 'a2' }],
  ['POST', '/api/v1/conversations/c2/transfer', { to: { kind: 'queue' } }],
  ['POST', '/api/v1/conversations/c1/transfer', { to: { kind: 'agent', agentId: 'a2' } }],
  ['POST', '/api/v1/conversations/c2/end'],
  ['POST', '/api/v1/conversations/c2/take', {}],
  ['POST', '/api/v1/conversations/c1/take', { agentId: 'a2' }],
  // replies beyond text: another merchant's picture, conversation or knowledge entry
  ['POST', '/api/v1/conversations/c1/reply', { image: { media: `media:${m2Media}` }, agentId: 'a1' }],
  ['POST', '/api/v1/conversations/c1/reply', { card: { title: 't', pagePath: 'pages/a', thumbMedia: `media:${m2Media}` }, agentId: 'a1' }],
  ['POST', '/api/v1/conversations/c1/reply', { knowledge: { number: 1 }, agentId: 'a1' }],
  ['POST', '/api/v1/conversations/c2/reply', { knowledge: { number: 1 } }],
  // media
  ['GET', `/api/v1/media/${m2Media}`],
  ['POST', '/api/v1/channels/ch1/media?merchantId=m2', { filename: 'x.png', contentType: 'image/png', base64: PNG }],
  // reports
  ['GET', '/api/v1/channels/ch1/dashboard?merchantId=m2'],
  ['GET', '/api/v1/channels/ch1/conversations/export.csv?merchantId=m2'],
  // customers
  ['GET', '/api/v1/customers/cust-c2'],
  ['GET', '/api/v1/channels/ch1/customers?openid=o-c2'],
  // agents
  ['GET', '/api/v1/channels/ch1/agents?merchantId=m2'],
  ['POST', '/api/v1/channels/ch1/agents', { name: 'Spy', merchantId: 'm2' }],
  ['GET', '/api/v1/agents/a2'],
  ['PATCH', '/api/v1/agents/a2', { name: 'x' }],
  ['PUT', '/api/v1/agents/a2/status', { status: 'offline' }],
  // groups
  ['GET', '/api/v1/channels/ch1/groups?merchantId=m2'],
  ['POST', '/api/v1/channels/ch1/groups', { name: 'Spy', merchantId: 'm2' }],
  ['GET', '/api/v1/groups/gB'],
  ['PATCH', '/api/v1/groups/gB', { name: 'x' }],
  ['GET', '/api/v1/groups/gB/members'],
  ['PUT', '/api/v1/groups/gB/members/a2'],
  ['DELETE', '/api/v1/groups/gB/members/a2'],
  // calendars
  ['GET', '/api/v1/channels/ch1/calendars?merchantId=m2'],
  ['POST', '/api/v1/channels/ch1/calendars', { ...CAL, merchantId: 'm2' }],
  ['GET', '/api/v1/calendars/calB'],
  ['PUT', '/api/v1/calendars/calB', CAL],
  // merchants and settings
  ['GET', '/api/v1/merchants/m2'],
  ['PATCH', '/api/v1/merchants/m2', { name: 'x' }],
  ['POST', '/api/v1/channels/ch1/merchants', { code: 'spy', name: 'Spy' }],
  ['GET', '/api/v1/merchants/m2/settings'],
  ['PUT', '/api/v1/merchants/m2/settings', { maxQueueLength: 1 }],
  ['GET', '/api/v1/channels/ch1/settings'],
  ['PUT', '/api/v1/channels/ch1/settings', { maxQueueLength: 1 }],
  // knowledge base
  ['GET', `${KB}?merchantId=m2`],
  ['POST', KB, { number: 2, keywords: ['x'], type: 'text', text: 'x', merchantId: 'm2' }],
  ['GET', `${KB}/1?merchantId=m2`],
  ['PATCH', `${KB}/1?merchantId=m2`, { text: 'x' }],
  ['DELETE', `${KB}/1?merchantId=m2`],
  ['GET', `${KB}/export?merchantId=m2`],
  ['POST', `${KB}/import?merchantId=m2`, { format: 'json', data: '[]' }],
  ['GET', `${KB}/misses?merchantId=m2`],
  ['GET', `${KB}/settings?merchantId=m2`],
  ['GET', `${KB}/search?q=x&merchantId=m2`],
  ['POST', `${KB}/1/similar-questions?merchantId=m2`, { question: 'x' }],
  ['GET', `${KB}/synonyms?merchantId=m2`],
  ['PUT', `${KB}/synonyms?merchantId=m2`, { groups: [['a', 'b']] }],
  ['GET', `${KB}/synonyms/export?merchantId=m2`],
  ['POST', `${KB}/synonyms/import?merchantId=m2`, { data: 'a,b' }],
  // accounts and tokens
  [
    'POST',
    '/api/v1/accounts',
    { username: 'spy', password: 'spy-password-1', grant: { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm2' } },
  ],
  ['POST', '/api/v1/accounts', { username: 'spy', password: 'spy-password-1', grant: { role: 'agent', agentId: 'a2' } }],
  ['PUT', `/api/v1/accounts/${m2AdminAccount}/password`, { password: 'taken-over-1' }],
  ['DELETE', `/api/v1/accounts/${m2AdminAccount}`],
  ['GET', '/api/v1/tokens'],
  ['POST', '/api/v1/tokens', { name: 'spy', grant: { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm2' } }],
  // the channel itself belongs to the platform
  ['PATCH', '/api/v1/channels/ch1', { name: 'x' }],
  ['DELETE', '/api/v1/channels/ch1'],
  ['PATCH', '/api/v1/channels/ch1', { agentsSeeUnionId: true }],
  ['POST', '/api/v1/channels/ch1/credentials-check', {}],
];

it('the attempts aim at routes that exist: the platform admin reads every one of them', async () => {
  const unread: string[] = [];
  for (const [method, path] of attempts()) {
    if (method !== 'GET') continue;
    const res = await f.call(method, path, f.tokens.platform);
    if (res.status !== 200) unread.push(`${path} → ${res.status}`);
  }
  expect(unread).toEqual([]);
});

describe.each([
  ['m1’s merchant admin', () => f.tokens.merchantAdmin],
  ['m1’s agent', () => f.tokens.agent1],
])('%s on merchant m2’s data', (_who, token) => {
  it('is refused on every route family', async () => {
    const allowed: string[] = [];
    for (const [method, path, body] of attempts()) {
      const res = await f.call(method, path, token(), body);
      if (res.status !== 403 && res.status !== 404) allowed.push(`${method} ${path} → ${res.status}`);
    }
    expect(allowed).toEqual([]);
  });

  it('sees nothing of m2’s in the lists it may read', async () => {
    const lists = [
      '/api/v1/channels/ch1/conversations',
      '/api/v1/channels/ch1/agents',
      '/api/v1/channels/ch1/groups',
      '/api/v1/channels/ch1/merchants',
      '/api/v1/channels/ch1/calendars',
      '/api/v1/accounts',
      KB,
      `${KB}/synonyms`,
    ];
    for (const path of lists) {
      const res = await f.call('GET', path, token());
      if (res.status !== 200) continue; // refused outright: nothing seen
      expect({ path, leaked: JSON.stringify(res.json).match(/"(m2|a2|c2|gB|calB|m2-boss|m2 answer|m2syn)"/)?.[0] ?? null }).toEqual({
        path,
        leaked: null,
      });
    }
  });

  it('changed nothing of m2’s', async () => {
    expect(f.engine.conversation('c2')).toMatchObject({ state: 'assigned', agentId: 'a2', merchantId: 'm2' });
    expect(f.engine.sentTexts('o-c2')).toEqual([]);
    expect(await f.engine.store.tx.agents.get('a2')).toMatchObject({ name: 'Agent a2', merchantId: 'm2' });
    expect(await f.engine.store.tx.groups.get('gB')).toMatchObject({ name: 'Group gB', merchantId: 'm2' });
    expect(await f.engine.store.tx.merchants.get('m2')).toMatchObject({ name: 'Shop shop-2' });
    expect(await f.engine.store.tx.settings.get('ch1', 'm2')).toEqual({ maxQueueLength: 7 });
    expect((await f.auth.accounts.list()).map((a) => a.username)).toEqual(['m2-boss']);
    expect((await f.call('GET', `${KB}/1?merchantId=m2`, f.tokens.platform)).json).toMatchObject({ text: 'm2 answer', merchantId: 'm2' });
    expect(kb.service.get({ channelId: 'ch1', merchantId: 'm2' }, 1).similarQuestions).toEqual([]);
    expect(kb.service.synonyms({ channelId: 'ch1', merchantId: 'm2' })).toEqual([['m2word', 'm2syn']]);
  });
});
