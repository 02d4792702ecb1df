// What a reply sends for each channel kind, over real HTTP on the in-memory engine with the knowledge
// base and its media in a real SQLite file: an official account's card names the mini program; a mini
// program cannot send a voice entry; the outbox gets media references for the sender to upload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { knowledgeModule } from '../../../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../../../storage/sqlite-knowledge';
import { openDatabase } from '../../../storage/database';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let f: ApiFixture;
let dir: string;
let db: Database;
let kb: ReturnType<typeof knowledgeModule>;
let media = '';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-reply-'));
  db = openDatabase(join(dir, 'kefu.db'));
  kb = knowledgeModule(new SqliteKnowledgeStore(db), {
    now: () => 5,
    newId: (p) => `${p}_${Math.random().toString(36).slice(2)}`,
    pollMs: 0,
  });
  await kb.service.start();
  f = await startApiFixture({ knowledge: kb.service });
  const now = f.engine.clock.now();
  await f.engine.store.tx.customers.save({
    id: 'cust-1',
    channelId: 'ch1',
    openid: 'o-1',
    nickname: '小明',
    params: {},
    customFields: {},
    firstSeenAt: now,
    lastSeenAt: now,
    sendWindow: { remaining: 5, expiresAt: now + 3_600_000 },
  });
  await f.engine.store.tx.conversations.save({
    id: 'c1',
    channelId: 'ch1',
    merchantId: 'm1',
    customerId: 'cust-1',
    state: 'assigned',
    agentId: 'a1',
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: now,
    assignedAt: now,
  });
  media = (
    await f.call('POST', '/api/v1/channels/ch1/media', f.tokens.agent1, { filename: 't.png', contentType: 'image/png', base64: PNG })
  ).json.media;
});
afterEach(async () => {
  await f.close();
  await kb.service.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const reply = (body: unknown) => f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, body);
const lastOutbox = () => f.engine.store.data.outbox.at(-1)?.content;

describe('reply content', () => {
  it('an official account’s card must name the mini program, and keeps its AppID', async () => {
    expect((await f.call('PATCH', '/api/v1/channels/ch1', f.tokens.platform, { kind: 'official_account', format: 'xml' })).status).toBe(
      200,
    );
    const card = { title: '订单', pagePath: 'pages/order/index', thumbMedia: media };
    const missing = await reply({ card });
    expect([missing.status, missing.json.error.message]).toEqual([400, expect.stringContaining('body.card.appId')]);
    expect((await reply({ card: { ...card, appId: 'wx0000000000000009' } })).status).toBe(202);
    expect(lastOutbox()).toEqual({
      type: 'miniprogrampage',
      title: '订单',
      pagePath: 'pages/order/index',
      thumbMediaId: `kbref:${media}`,
      appId: 'wx0000000000000009',
    });
  });

  it('renders a knowledge entry for the customer, and refuses media a mini program cannot send', async () => {
    await f.call('POST', '/api/v1/channels/ch1/knowledge', f.tokens.merchantAdmin, { number: 1, type: 'image', media });
    await f.call('POST', '/api/v1/channels/ch1/knowledge', f.tokens.merchantAdmin, {
      number: 2,
      type: 'voice',
      media: 'https://example.com/v.amr',
    });
    await f.call('POST', '/api/v1/channels/ch1/knowledge', f.tokens.merchantAdmin, {
      number: 3,
      type: 'text',
      text: '[name]，稍等{br}马上好',
      keywords: ['等'],
    });
    expect((await reply({ knowledge: { number: 1 } })).status).toBe(202);
    expect(lastOutbox()).toEqual({ type: 'image', mediaId: `kbref:${media}` });
    expect((await reply({ knowledge: { number: 3 } })).status).toBe(202);
    expect(lastOutbox()).toEqual({ type: 'text', text: '小明，稍等\n马上好' });
    const voice = await reply({ knowledge: { number: 2 } });
    expect([voice.status, voice.json.error.message]).toEqual([400, expect.stringContaining('a mini program cannot send')]);
    await f.call('PATCH', '/api/v1/channels/ch1/knowledge/3?merchantId=m1', f.tokens.platform, { enabled: false });
    expect((await reply({ knowledge: { number: 3 } })).status).toBe(404);
  });

  it('sends a knowledge entry’s lead text just before the picture', async () => {
    await f.call('POST', '/api/v1/channels/ch1/knowledge', f.tokens.merchantAdmin, {
      number: 4,
      type: 'image',
      media,
      leadText: '[name]，价目表如下',
    });
    const before = f.engine.store.data.outbox.length;
    expect((await reply({ knowledge: { number: 4 } })).status).toBe(202);
    expect(f.engine.store.data.outbox.slice(before).map((o) => o.content)).toEqual([
      { type: 'text', text: '小明，价目表如下' },
      { type: 'image', mediaId: `kbref:${media}` },
    ]);
  });

  it('takes a knowledge picture of the platform, not an audio file as a picture', async () => {
    const shared = await kb.service.saveMedia({
      filename: 'logo.png',
      contentType: 'image/png',
      data: Buffer.from(PNG, 'base64'),
      owner: { channelId: 'ch1' },
      kind: 'knowledge',
    });
    const audio = await kb.service.saveMedia({
      filename: 'a.mp3',
      contentType: 'audio/mpeg',
      data: new Uint8Array([1]),
      owner: { channelId: 'ch1', merchantId: 'm1' },
      kind: 'knowledge',
    });
    expect((await reply({ image: { media: shared } })).status).toBe(202);
    const notPicture = await reply({ image: { media: audio } });
    expect([notPicture.status, notPicture.json.error.message]).toEqual([400, expect.stringContaining('not a picture')]);
  });
});
