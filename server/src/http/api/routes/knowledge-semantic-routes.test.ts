// The semantic stage's settings over real HTTP: off by default, set per channel by platform admins, the
// API key write-only (never in an answer, sealed in the database, never in the log).
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { engineFixture } from '../../../app/testing/engine-fixture';
import { DEFAULT_ROBOT_SETTINGS } from '../../../knowledge/knowledge-base';
import { knowledgeModule } from '../../../knowledge/knowledge-module';
import { startFakeEmbeddings, type FakeEmbeddings } from '../../../knowledge/semantic/testing/fake-embeddings';
import { openDatabase } from '../../../storage/database';
import { SecretBox } from '../../../storage/secret-box';
import { SqliteKnowledgeStore } from '../../../storage/sqlite-knowledge';
import { SqliteSemanticStore } from '../../../storage/sqlite-semantic-store';
import { inMemoryAuthStores } from '../../../storage/testing/auth-in-memory';
import { InMemoryChannelStore } from '../../../storage/testing/in-memory-channel-store';
import { TimeSortableIds } from '../../../storage/time-sortable-ids';
import { testAuthService } from '../../../security/testing/test-auth-service';
import { createApp } from '../../create-app';
import { apiRouter } from '../api-router';
import { CHANNEL_RECORD } from '../testing/api-fixture';

const KEY = 'sk-live-do-not-leak-8c1e';
let base = '';
let close: () => Promise<void>;
let tokens: Record<'platform' | 'm1', string>;
let kb: ReturnType<typeof knowledgeModule>;
let fake: FakeEmbeddings;
let db: ReturnType<typeof openDatabase>;
let logged = '';

beforeEach(async () => {
  fake = await startFakeEmbeddings();
  logged = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
  const logger = pino({ level: 'info' }, sink);
  const engine = engineFixture();
  await engine.merchant('m1', 'shop-1');
  const channels = new InMemoryChannelStore();
  await channels.save(CHANNEL_RECORD);
  const auth = inMemoryAuthStores();
  const service = testAuthService({ stores: auth, uow: engine.deps.uow, clock: engine.clock });
  db = openDatabase(':memory:');
  const store = new SqliteSemanticStore(db, new SecretBox(new Uint8Array(32).fill(3)));
  kb = knowledgeModule(new SqliteKnowledgeStore(db), { now: () => 5, newId: (p) => `${p}_x`, pollMs: 0, semantic: { store, log: logger } });
  await kb.service.start();
  await kb.semantic!.refresher.start();
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    logger,
    extraRouters: [
      [
        '/api/v1',
        apiRouter({
          engine: engine.deps,
          channels,
          auth: service,
          ids: new TimeSortableIds(engine.clock),
          knowledge: kb.service,
          semanticSettings: kb.semantic!.settings,
        }),
      ],
    ],
  });
  tokens = {
    platform: (await service.createApiToken('p', { role: 'platform_admin' })).token,
    m1: (await service.createApiToken('m1', { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' })).token,
  };
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/channels/ch1/knowledge`;
  close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
});
afterEach(async () => {
  await close();
  kb.semantic!.refresher.stop();
  await kb.service.stop();
  await fake.close();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

const ROBOT = DEFAULT_ROBOT_SETTINGS;
const semantic = (extra: object = {}) => ({ enabled: true, url: fake.url, model: 'fake-64', timeoutMs: 200, ...extra });

it('is off by default and keeps the API key write-only', async () => {
  expect((await call('GET', '/settings', tokens.platform)).json).toEqual({
    ...ROBOT,
    semantic: { enabled: false, url: '', model: '', timeoutMs: 300, apiKeySet: false },
  });
  const put = await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic({ apiKey: KEY }) });
  expect(put.json).toEqual({ ...ROBOT, semantic: { ...semantic(), apiKeySet: true } });
  expect(put.text).not.toContain(KEY);
  const got = await call('GET', '/settings', tokens.platform);
  expect(got.json.semantic.apiKeySet).toBe(true);
  expect(got.text).not.toContain(KEY);
  // Sealed at rest.
  const row = db.prepare('SELECT * FROM knowledge_semantic').get() as { api_key_sealed: string };
  expect(JSON.stringify(row)).not.toContain(KEY);
  expect(row.api_key_sealed.startsWith('v1.')).toBe(true);
  // Absent keeps the key, '' removes it.
  expect((await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic() })).json.semantic.apiKeySet).toBe(true);
  expect((await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic({ apiKey: '' }) })).json.semantic.apiKeySet).toBe(
    false,
  );
});

it('is set by platform admins only, and must name an endpoint to be on', async () => {
  expect((await call('PUT', '/settings', tokens.m1, { ...ROBOT, semantic: semantic() })).status).toBe(403);
  expect((await call('PUT', '/settings', tokens.m1, ROBOT)).json).toEqual({
    ...ROBOT,
    semantic: { enabled: false, url: '', model: '', timeoutMs: 300, apiKeySet: false },
  });
  expect((await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic({ url: '' }) })).status).toBe(400);
  expect((await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic({ url: 'ftp://x' }) })).status).toBe(400);
});

it('never logs the key when the endpoint fails', async () => {
  await call('POST', '', tokens.platform, { number: 1, keywords: ['运费'], type: 'text', text: '满99包邮' });
  await call('PUT', '/settings', tokens.platform, { ...ROBOT, semantic: semantic({ apiKey: KEY }) });
  await kb.semantic!.refresher.refresh();
  expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
  fake.mode = 'down';
  await kb.service.update({ channelId: 'ch1' }, 1, { text: '满199包邮' });
  await kb.semantic!.refresher.refresh();
  await kb.robot.prepare('ch1', undefined, '运费怎么算'); // the question's embedding, before the unit of work
  const answer = await kb.robot.answer(
    { type: 'text', text: '运费怎么算' },
    { channelId: 'ch1', conversationId: 'c', customer: { id: 'u' } },
  );
  expect(answer).toMatchObject({ kind: 'answer', replies: [{ type: 'text', text: '满199包邮' }] });
  expect(logged).toContain('semantic stage unavailable');
  expect(logged).toContain('entry vectors not refreshed');
  expect(logged).not.toContain(KEY);
});
