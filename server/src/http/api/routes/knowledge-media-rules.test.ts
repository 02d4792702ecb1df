// Knowledge entries are checked against WeChat's rules when they are saved, over real HTTP on a real SQLite
// file: uploads by their bytes per use and channel kind, entries by the media they name and the fields
// WeChat requires (a mini program link's description), imports likewise; entries stored before the rules
// are flagged in the list, and can still be switched off.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { engineFixture } from '../../../app/testing/engine-fixture';
import { JPEG, PNG, sized, WEBP } from '../../../core/media/testing/media-samples';
import { knowledgeModule } from '../../../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../../../storage/sqlite-knowledge';
import { openDatabase } from '../../../storage/database';
import { inMemoryAuthStores } from '../../../storage/testing/auth-in-memory';
import { createApp } from '../../create-app';
import { apiRouter } from '../api-router';
import { testAuthService } from '../../../security/testing/test-auth-service';
import { TimeSortableIds } from '../../../storage/time-sortable-ids';
import { InMemoryChannelStore } from '../../../storage/testing/in-memory-channel-store';
import { CHANNEL_RECORD } from '../testing/api-fixture';

const MINI = CHANNEL_RECORD.id; // a mini program
const OA = 'oa1';
let api = '';
let token = '';
let dir = '';
let store: SqliteKnowledgeStore;
let reload: () => Promise<void>;
let close: () => Promise<void>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-media-'));
  const engine = engineFixture();
  const channels = new InMemoryChannelStore();
  await channels.save(CHANNEL_RECORD);
  await channels.save({ ...CHANNEL_RECORD, id: OA, kind: 'official_account', appId: 'wxofficialacct001', format: 'xml' });
  const auth = testAuthService({ stores: inMemoryAuthStores(), uow: engine.deps.uow, clock: engine.clock });
  store = new SqliteKnowledgeStore(openDatabase(join(dir, 'kefu.db')));
  let n = 0;
  const kb = knowledgeModule(store, {
    now: () => 5,
    newId: (p) => `${p}_${++n}`,
    pollMs: 0,
    channelKind: async (id) => (await channels.get(id))?.kind,
  });
  await kb.service.start();
  reload = () => kb.service.reload();
  const ids = new TimeSortableIds(engine.clock);
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    logger: pino({ level: 'silent' }),
    extraRouters: [['/api/v1', apiRouter({ engine: engine.deps, channels, auth, ids, knowledge: kb.service })]],
  });
  token = (await auth.createApiToken('p', { role: 'platform_admin' })).token;
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/channels`;
  close = async () => {
    await new Promise((r) => (server.closeAllConnections(), server.close(() => r(undefined))));
    await kb.service.stop();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterEach(() => close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(api + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}
const upload = (channel: string, data: Uint8Array, extra: Record<string, unknown> = {}) =>
  call('POST', `/${channel}/knowledge/media`, {
    filename: 'file.jpg',
    contentType: 'image/jpeg',
    base64: Buffer.from(data).toString('base64'),
    ...extra,
  });
const refusal = (res: { status: number; json: { error?: { code: string; message: string } } }) => [
  res.status,
  res.json.error?.code,
  res.json.error?.message,
];

describe('uploads for entries', () => {
  it('refuses a WebP picture and a PNG thumbnail with WeChat’s rule, and stores what they take as what they are', async () => {
    expect(refusal(await upload(OA, WEBP, { contentType: 'image/webp' }))).toEqual([
      400,
      'unsupported_media_format',
      'the file is a WebP file; WeChat takes as image a JPEG, PNG or GIF picture of at most 2 MB',
    ]);
    expect(refusal(await upload(OA, PNG, { use: 'thumb' }))).toEqual([
      400,
      'unsupported_media_format',
      'the file is a PNG file; WeChat takes as thumb a JPEG thumbnail of at most 64 KB',
    ]);
    expect(refusal(await upload(OA, sized(JPEG, 64 * 1024 + 1), { use: 'thumb' }))).toEqual([
      413,
      'media_too_large',
      'the file is 65 KB; WeChat takes as thumb a JPEG thumbnail of at most 64 KB',
    ]);
    expect((await upload(MINI, JPEG, { use: 'thumb' })).json.error.code).toBe('media_not_for_channel');
    const png = await upload(OA, PNG); // called .jpg and image/jpeg, it is a PNG: stored as one
    expect(png.status).toBe(201);
    expect((await store.media(png.json.media.slice('media:'.length)))?.contentType).toBe('image/png');
    expect((await upload(OA, JPEG, { use: 'thumb' })).status).toBe(201);
  });
});

describe('entries', () => {
  it('refuses a video whose thumbnail is a PNG, saved or imported, naming the field; takes a JPEG one', async () => {
    const video = (
      await call('POST', `/${OA}/knowledge/media`, {
        filename: 'v.mp4',
        contentType: 'video/mp4',
        base64: 'AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29t',
      })
    ).json.media;
    const png = (await upload(OA, PNG)).json.media;
    const entry = { number: 1, type: 'video', media: video, thumb: png };
    const res = await call('POST', `/${OA}/knowledge`, entry);
    expect(refusal(res)).toEqual([
      400,
      'unsupported_media_format',
      `thumb (${png}) is a PNG file; WeChat takes as thumb a JPEG thumbnail of at most 64 KB`,
    ]);
    const imported = await call('POST', `/${OA}/knowledge/import`, { format: 'json', data: JSON.stringify([entry]) });
    expect(refusal(imported)).toEqual([
      400,
      'invalid_input',
      `entry 1: thumb (${png}) is a PNG file; WeChat takes as thumb a JPEG thumbnail of at most 64 KB`,
    ]);
    expect((await call('GET', `/${OA}/knowledge`)).json.items).toEqual([]);
    const jpeg = (await upload(OA, JPEG, { use: 'thumb' })).json.media;
    expect((await call('POST', `/${OA}/knowledge`, { ...entry, thumb: jpeg })).status).toBe(201);
  });

  it('refuses a mini program link without a description, at save and in an import', async () => {
    const link = { number: 2, type: 'link', title: '官网', url: 'https://shop.test/', media: 'https://shop.test/p.jpg' };
    const res = await call('POST', `/${MINI}/knowledge`, link);
    expect(refusal(res)).toEqual([400, 'invalid_input', 'a link entry needs a description (WeChat refuses a link without one)']);
    expect((await call('POST', `/${MINI}/knowledge`, { ...link, description: '   ' })).status).toBe(400);
    const csv = 'number,type,title,url,media\r\n2,link,官网,https://shop.test/,https://shop.test/p.jpg\r\n';
    const imported = await call('POST', `/${MINI}/knowledge/import`, { format: 'csv', data: csv });
    expect(imported.json.error.message).toMatch(/^entry 1: a link entry needs a description/);
    expect((await call('POST', `/${MINI}/knowledge`, { ...link, description: '新品上架' })).status).toBe(201);
    // An official account sends a link as a news article, whose description WeChat does not require.
    expect((await call('POST', `/${OA}/knowledge`, link)).status).toBe(201);
  });

  it('flags stored entries that would fail to send, and still lets the admin switch them off', async () => {
    const png = (await upload(OA, PNG)).json.media;
    const scope = { channelId: OA };
    const old = { keywords: [], similarQuestions: [], enabled: true, robotIds: [], welcome: false, handoff: false, updatedAt: 1 };
    await store.put([{ ...scope, ...old, number: 7, type: 'video', media: png, thumb: png }]);
    await store.put([{ ...scope, ...old, number: 8, type: 'text', text: 'fine' }]);
    await reload(); // as the poll for another process's writes would
    const listed = (await call('GET', `/${OA}/knowledge`)).json.items;
    expect(listed.find((e: { number: number }) => e.number === 8).sendProblems).toBeUndefined();
    expect(listed.find((e: { number: number }) => e.number === 7).sendProblems).toEqual([
      `media (${png}) is a PNG file; WeChat takes as video an MP4 video of at most 10 MB`,
      `thumb (${png}) is a PNG file; WeChat takes as thumb a JPEG thumbnail of at most 64 KB`,
    ]);
    expect((await call('PATCH', `/${OA}/knowledge/7`, { enabled: false })).status).toBe(200);
    expect((await call('PATCH', `/${OA}/knowledge/7`, { enabled: true })).json.error.code).toBe('unsupported_media_format');
  });
});
