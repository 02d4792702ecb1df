// The open platform's tokens are one per cluster: two nodes (two pools, two OpenPlatformApis) on one
// PostgreSQL database ask at once for an authorizer's token whose refresh is due, and WeChat (a small local
// stand-in for its open-platform API) sees ONE api_authorizer_token call and ONE component token call; the
// other node waits for the refresh lock and uses what the first stored. A second refresh with the old
// refresh token would fail (61023) and lose the authorization.
import type pg from 'pg';
import { completeAuthorization } from '../../app/open-platform/index';
import { startFakeOpenPlatform, type FakeOpenPlatform } from '../../http/testing/fake-open-platform';
import { OpenPlatformApis } from '../../runtime/open-platform-apis';
import { WeChatClient } from '../../wechat/outbound/index';
import { EncryptedTokenStore } from '../encrypted-token-store';
import { SecretBox } from '../secret-box';
import { PgChannelStore } from './pg-channel-store';
import { PgPlatformStore } from './pg-platform-store';
import { PgTokenStore } from './pg-token-store';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
const box = new SecretBox(new Uint8Array(32).fill(5));
const COMPONENT = { appId: 'wxcomponent0000001', secret: 'componentSecret0001' };
const MINI = {
  appId: 'wxmini000000000001',
  name: '小店',
  originalId: 'gh_mini00000001',
  kind: 'miniprogram' as const,
  permissions: [17, 18, 19],
};
let pools: pg.Pool[] = [];
let fake: FakeOpenPlatform;
let now = Date.UTC(2026, 0, 5);
const clock = { now: () => now };

beforeEach(async () => {
  await db.truncate();
  fake = await startFakeOpenPlatform(COMPONENT, clock.now);
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
  await fake.close();
});

function node() {
  const pool = openPool(db.url());
  pools.push(pool);
  const platform = new PgPlatformStore(pool, box);
  const tokens = new EncryptedTokenStore(new PgTokenStore(pool), box);
  const apis = new OpenPlatformApis(new WeChatClient({ baseUrl: fake.url, retry: { maxRetries: 0 } }), platform, tokens, clock.now);
  return { platform, tokens, apis, channels: new PgChannelStore(pool, box) };
}

describe('open-platform tokens on PostgreSQL across nodes', () => {
  it('two nodes refreshing one authorizer at once make one api_authorizer_token call', async () => {
    const a = node();
    const b = node();
    await a.platform.saveSettings({
      componentAppId: COMPONENT.appId,
      appSecret: COMPONENT.secret,
      token: 'tok12345',
      encodingAesKey: 'k'.repeat(43),
      updatedAt: now,
    });
    fake.ticket = 'ticket@@@one';
    await a.platform.saveTicket({ ticket: fake.ticket, receivedAt: now, pushedAt: now });
    await completeAuthorization(
      { ...a, clock, api: a.apis, newPushSecrets: () => ({ token: 'x'.repeat(32), encodingAesKey: 'y'.repeat(43) }) },
      fake.grant(MINI),
    );
    now += 2 * 3600_000; // both the authorizer's and the component's tokens are due
    const tokens = await Promise.all([a.apis, b.apis, a.apis, b.apis].map((apis) => apis.authorizerBroker(MINI.appId).getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(fake.calls.get('/cgi-bin/component/api_authorizer_token')).toBe(1);
    expect(fake.calls.get('/cgi-bin/component/api_component_token')).toBe(2); // the first, at authorization; one refresh
    // The refresh token both nodes now hold is the new one: another refresh works.
    now += 2 * 3600_000;
    await expect(b.apis.authorizerBroker(MINI.appId).getToken()).resolves.not.toBe(tokens[0]);
    expect(fake.calls.get('/cgi-bin/component/api_authorizer_token')).toBe(2);
  });
});
