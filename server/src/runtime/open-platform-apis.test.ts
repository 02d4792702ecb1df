// The open platform's tokens over 48 hours of emulated time, on a real SQLite file (sealed at rest) and
// real HTTP to a small local stand-in for WeChat's open-platform API that ends every token at its expiry:
// one authorizer refresh per expiry through api_authorizer_token, never cgi-bin/token, no send ever made
// with a dead token, and a restart reuses what is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeAuthorization, type PlatformDeps } from '../app/open-platform/index';
import { startFakeOpenPlatform, type FakeOpenPlatform } from '../http/testing/fake-open-platform';
import { createSqliteStorage, type SqliteStorage } from '../storage/create-sqlite-storage';
import { openDatabase } from '../storage/database';
import { WeChatClient } from '../wechat/outbound/index';
import { OpenPlatformApis } from './open-platform-apis';
import { WeChatApis } from './wechat-apis';

const COMPONENT = { appId: 'wxcomponent0000001', secret: 'componentSecret0001' };
const OA = {
  appId: 'wxofficial00000001',
  name: '公众号',
  originalId: 'gh_oa0000000001',
  kind: 'official_account' as const,
  permissions: [1, 11],
};
const HOUR = 3600_000;

let dir: string;
let fake: FakeOpenPlatform;
let now = Date.UTC(2026, 0, 5, 0, 0, 0);
const clock = { now: () => now };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-open-platform-tokens-'));
  fake = await startFakeOpenPlatform(COMPONENT, clock.now);
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): { storage: SqliteStorage; apis: WeChatApis; platform: OpenPlatformApis; close(): void } {
  const db = openDatabase(join(dir, 'kefu.db'));
  const storage = createSqliteStorage(db, { masterKey: Buffer.alloc(32, 3), clock });
  const client = new WeChatClient({ baseUrl: fake.url, retry: { maxRetries: 0 } });
  const platform = new OpenPlatformApis(client, storage.platform, storage.tokens, clock.now);
  const apis = new WeChatApis(client, storage.channels, storage.tokens, { platform: storage.platform, apis: platform });
  return { storage, apis, platform, close: () => db.close() };
}

async function authorized(storage: SqliteStorage, platform: OpenPlatformApis): Promise<void> {
  await storage.platform.saveSettings({
    componentAppId: COMPONENT.appId,
    appSecret: COMPONENT.secret,
    token: 'platformToken01',
    encodingAesKey: 'k'.repeat(43),
    updatedAt: now,
  });
  fake.ticket = 'ticket@@@one';
  await storage.platform.saveTicket({ ticket: fake.ticket, receivedAt: now, pushedAt: now });
  const deps: PlatformDeps = {
    ...storage,
    clock,
    api: platform,
    newPushSecrets: () => ({ token: 'x'.repeat(32), encodingAesKey: 'y'.repeat(43) }),
  };
  await completeAuthorization(deps, fake.grant(OA));
}

async function send(apis: WeChatApis, text: string): Promise<void> {
  const channel = await apis.forChannel(OA.appId);
  if (!channel) throw new Error('no sending channel');
  await channel.api.postJson('cgi-bin/message/custom/send', { touser: 'oCustomer', msgtype: 'text', text: { content: text } });
}

describe('authorizer tokens across 48 hours', () => {
  it('refreshes once per expiry through api_authorizer_token, never cgi-bin/token, and never sends with a dead token', async () => {
    const first = open();
    await authorized(first.storage, first.platform);
    const start = now;
    let sends = 0;
    // A send every 10 minutes; the node restarts after 24 hours (the stored token is reused).
    let node = first;
    for (now = start; now <= start + 48 * HOUR; now += 10 * 60_000) {
      if (now === start + 24 * HOUR) {
        node.close();
        node = open();
      }
      await send(node.apis, `#${++sends}`);
    }
    node.close();
    const refreshes = fake.calls.get('/cgi-bin/component/api_authorizer_token') ?? 0;
    const componentTokens = fake.calls.get('/cgi-bin/component/api_component_token') ?? 0;
    // Each token lives 2 hours and is replaced 5 minutes ahead, at the first send after that point: every 2 hours here.
    expect(refreshes).toBe(24);
    // The component token lives 2 hours too and is only asked for by the refreshes: one per refresh, and the first.
    expect(componentTokens).toBe(25);
    expect(fake.sent).toHaveLength(sends);
    expect(fake.calls.get('/cgi-bin/token')).toBeUndefined();
    expect(fake.calls.get('/cgi-bin/stable_token')).toBeUndefined();
    process.stdout.write(
      `open platform, 48 emulated hours, ${sends} sends: ${refreshes} authorizer refreshes (${refreshes / 2}/day), ${componentTokens} component tokens, 0 cgi-bin/token\n`,
    );
  });

  it('keeps the refresh token and the access tokens sealed at rest', async () => {
    const node = open();
    await authorized(node.storage, node.platform);
    await send(node.apis, 'hello');
    const raw = openDatabase(join(dir, 'kefu.db'));
    const rows = JSON.stringify([
      raw.prepare('SELECT * FROM open_platform').all(),
      raw.prepare('SELECT * FROM open_platform_authorizations').all(),
      raw.prepare('SELECT * FROM access_tokens').all(),
    ]);
    raw.close();
    node.close();
    for (const clear of ['refreshtoken@@@', 'authorizertoken-', 'componenttoken-', 'ticket@@@', COMPONENT.secret, 'platformToken01']) {
      expect(rows).not.toContain(clear);
    }
  });

  it('a revoked authorization gets no sending channel, and no token is fetched for it', async () => {
    const node = open();
    await authorized(node.storage, node.platform);
    const a = await node.storage.platform.authorization(OA.appId);
    if (!a) throw new Error('not authorized');
    await node.storage.platform.saveAuthorization({ ...a, state: 'revoked', revokedAt: now });
    await expect(node.apis.forChannel(OA.appId)).resolves.toBeUndefined();
    node.close();
    expect(fake.calls.get('/cgi-bin/component/api_authorizer_token')).toBeUndefined();
  });
});
