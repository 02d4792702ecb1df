// The outbox sender's channel lookup (WeChatApis.forChannel, once per batch) over the real SQLite storage
// and real HTTP to the WeChat emulator: the channel comes from the directory's memory, not read and
// decrypted again for every batch, and a change made through the directory (an AppSecret rotated, the
// channel removed) is what the very next send uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { ChannelRecord } from '../core/ports/channel-store';
import { MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../emulator/testing/test-emulator';
import { runMigrations } from '../storage/migrations/runner';
import { createSqliteStorage, type SqliteStorage } from '../storage/create-sqlite-storage';
import { WeChatApiError, WeChatClient, sendCustomMessage } from '../wechat/outbound/index';
import { WeChatApis } from './wechat-apis';

const record: ChannelRecord = {
  id: 'ch-mp',
  name: '小程序',
  kind: 'miniprogram',
  appId: MINI_PROGRAM.appId,
  originalId: MINI_PROGRAM.originalId,
  token: 'pushToken01',
  mode: 'plaintext',
  format: 'json',
  appSecret: 'a-wrong-secret-0001',
  tokenSource: 'basic',
  createdAt: 1,
  updatedAt: 1,
};

let dir: string;
let db: Database;
let executed: string[] = [];
let emu: TestEmulator;
let storage: SqliteStorage;
let apis: WeChatApis;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-sending-channel-'));
  db = new BetterSqlite3(join(dir, 'kefu.db'), { verbose: (sql) => executed.push(String(sql)) });
  runMigrations(db);
  storage = createSqliteStorage(db, { masterKey: Buffer.alloc(32, 7) });
  emu = await startTestEmulator();
  const client = new WeChatClient({ baseUrl: emu.apiUrl, retry: { maxRetries: 0 } });
  apis = new WeChatApis(client, storage.channels, storage.tokens);
  await storage.channels.save(record);
  await emu.customerSays(MINI_PROGRAM, 'oCustomer', 'text', { text: '你好' });
});
afterEach(async () => {
  await emu.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(text: string): Promise<'sent' | 'no channel' | number> {
  const channel = await apis.forChannel(record.id);
  if (!channel) return 'no channel';
  try {
    await sendCustomMessage(channel.api, { touser: 'oCustomer', msgtype: 'text', text: { content: text } });
    return 'sent';
  } catch (err) {
    if (err instanceof WeChatApiError) return err.errcode;
    throw err;
  }
}

/** Reads of the whole channel (its secrets opened), not of its revision alone. */
const channelReads = () => executed.filter((sql) => /^SELECT \* FROM channels WHERE id = /.test(sql)).length;

it('reads the channel once for many sends, and the next send after a change uses the change', async () => {
  expect(await send('with the wrong secret')).toBe(40125);
  await storage.channels.save({ ...record, appSecret: MINI_PROGRAM.secret, updatedAt: 2 });
  executed = [];
  for (let i = 0; i < 4; i++) expect(await send(`reply ${i}`)).toBe('sent');
  expect(channelReads()).toBe(1); // before the directory's memory: 4, each decrypting the secrets
  // A rotation gets a new client (its token broker holds the new secret) at the next lookup.
  const before = await apis.forChannel(record.id);
  await storage.channels.save({ ...record, appSecret: 'rotated-secret-0002', updatedAt: 3 });
  expect(await apis.forChannel(record.id)).not.toBe(before);
  await storage.channels.delete(record.id);
  expect(await send('after removal')).toBe('no channel');
});
