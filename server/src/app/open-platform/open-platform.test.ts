// The open platform's stories over in-memory stores, with WeChat's open-platform API played by a scripted
// port (what the stories decide is under test here; the real calls are tested in runtime/ and http/).
import type { AuthorizerAccount, GrantedAuthorization, OpenPlatformApi } from '../../core/ports/open-platform-api';
import { InMemoryChannelStore } from '../../storage/testing/in-memory-channel-store';
import { InMemoryPlatformStore } from '../../storage/testing/in-memory-platform-store';
import { InMemoryTokenStore } from '../../storage/testing/in-memory-token-store';
import { ApiError } from '../errors';
import {
  completeAuthorization,
  configurePlatform,
  createAuthorizationLink,
  platformEventReceived,
  readPlatform,
  type PlatformDeps,
} from './index';

const SETTINGS = {
  componentAppId: 'wxcomponent0000001',
  appSecret: 'componentSecret01',
  token: 'platformToken',
  encodingAesKey: 'k'.repeat(43),
};
const OA: AuthorizerAccount & { appId: string } = {
  appId: 'wxofficial00000001',
  name: '公众号',
  originalId: 'gh_oa0000000001',
  kind: 'official_account',
};

class ScriptedWeChat implements OpenPlatformApi {
  codes = new Map<string, GrantedAuthorization>();
  calls: string[] = [];
  async createPreAuthCode() {
    this.calls.push('preauth');
    return { code: 'preauthcode@@@1', expiresInSeconds: 1800 };
  }
  async queryAuth(code: string) {
    this.calls.push(`query ${code}`);
    const granted = this.codes.get(code);
    this.codes.delete(code);
    if (!granted) throw new ApiError(502, 'wechat_refused', 'WeChat refused: 61010 code is expired');
    return granted;
  }
  async authorizerAccount(appId: string) {
    this.calls.push(`info ${appId}`);
    return OA;
  }
  grant(code: string, permissions: number[], refreshToken = `refresh-${code}`) {
    this.codes.set(code, { appId: OA.appId, accessToken: `access-${code}`, expiresInSeconds: 7200, refreshToken, permissions });
  }
}

let now: number;
let wechat: ScriptedWeChat;
let deps: PlatformDeps & { channels: InMemoryChannelStore; tokens: InMemoryTokenStore };

beforeEach(async () => {
  now = 1_000_000;
  wechat = new ScriptedWeChat();
  deps = {
    platform: new InMemoryPlatformStore(),
    channels: new InMemoryChannelStore(),
    tokens: new InMemoryTokenStore(),
    clock: { now: () => now },
    api: wechat,
    newPushSecrets: () => ({ token: 'T'.repeat(32), encodingAesKey: 'E'.repeat(43) }),
  };
});

describe('the platform’s settings', () => {
  it('keeps secrets absent from a change and says only that they are set', async () => {
    await configurePlatform(deps, SETTINGS);
    const answer = await configurePlatform(deps, { token: 'newPlatformToken' });
    expect(JSON.stringify(answer)).not.toContain(SETTINGS.appSecret);
    expect(await deps.platform.settings()).toMatchObject({ appSecret: SETTINGS.appSecret, token: 'newPlatformToken' });
  });

  it('says the ticket is valid for 12 hours after it arrived', async () => {
    await configurePlatform(deps, SETTINGS);
    await platformEventReceived(deps, { infoType: 'component_verify_ticket', ticket: 'ticket@@@1', pushedAt: now });
    expect((await readPlatform(deps)).ticketValid).toBe(true);
    now += 12 * 3600_000;
    expect((await readPlatform(deps)).ticketValid).toBe(false);
  });
});

describe('the ticket', () => {
  it('keeps the latest; an older push (a replay) changes nothing, WeChat’s retry of the same one is kept', async () => {
    await configurePlatform(deps, SETTINGS);
    await platformEventReceived(deps, { infoType: 'component_verify_ticket', ticket: 'ticket@@@new', pushedAt: 5000 });
    expect(
      await platformEventReceived(deps, { infoType: 'component_verify_ticket', ticket: 'ticket@@@old', pushedAt: 4000 }),
    ).toMatchObject({
      kind: 'ignored',
    });
    expect(await deps.platform.ticket()).toMatchObject({ ticket: 'ticket@@@new' });
    expect(await platformEventReceived(deps, { infoType: 'component_verify_ticket', ticket: 'ticket@@@new', pushedAt: 5000 })).toEqual({
      kind: 'ticket_kept',
    });
  });
});

describe('the authorization link', () => {
  it('points to WeChat’s page with the pre_auth_code, the redirect and the auth_type', async () => {
    await configurePlatform(deps, SETTINGS);
    const link = await createAuthorizationLink(deps, {
      target: 'both',
      redirectUri: 'https://kefu.example/wechat/component/authorized?return=%2Fapp%2F',
      pageBaseUrl: 'https://mp.weixin.qq.com',
    });
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://mp.weixin.qq.com/cgi-bin/componentloginpage');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      component_appid: SETTINGS.componentAppId,
      pre_auth_code: 'preauthcode@@@1',
      redirect_uri: 'https://kefu.example/wechat/component/authorized?return=%2Fapp%2F',
      auth_type: '3',
    });
    expect(link.mobileUrl).toMatch(
      /^https:\/\/mp\.weixin\.qq\.com\/safe\/bindcomponent\?action=bindcomponent&no_scan=1&.*#wechat_redirect$/,
    );
    expect(link.expiresAt).toBe(now + 1800_000);
  });

  it('is refused before the platform is configured', async () => {
    await expect(createAuthorizationLink(deps, { target: 'miniprogram', redirectUri: 'x', pageBaseUrl: 'y' })).rejects.toMatchObject({
      code: 'platform_not_configured',
    });
    expect(wechat.calls).toEqual([]);
  });
});

describe('an authorization', () => {
  beforeEach(() => configurePlatform(deps, SETTINGS));

  it('creates the channel with the account’s name, kind and original id, and keeps its first token', async () => {
    wechat.grant('code1', [1]);
    const authorization = await completeAuthorization(deps, 'code1');
    expect(authorization).toMatchObject({ channelId: OA.appId, state: 'authorized', missingPermissions: [{ id: 11 }] });
    expect(await deps.channels.get(OA.appId)).toMatchObject({
      name: '公众号',
      kind: 'official_account',
      originalId: OA.originalId,
      appSecret: '',
    });
    expect(await deps.tokens.load(OA.appId, 'authorizer')).toMatchObject({ token: 'access-code1', expiresAt: now + 7200_000 });
  });

  it('takes over an existing channel of that AppID (developer authorization before), keeping it', async () => {
    await deps.channels.save({
      id: 'oa',
      name: '旧渠道',
      kind: 'official_account',
      appId: OA.appId,
      originalId: OA.originalId,
      appSecret: 'oldAppSecret01',
      token: 'oldToken',
      mode: 'plaintext',
      format: 'xml',
      tokenSource: 'basic',
      createdAt: 1,
      updatedAt: 1,
    });
    wechat.grant('code1', [1, 11]);
    expect(await completeAuthorization(deps, 'code1')).toMatchObject({ channelId: 'oa', missingPermissions: [] });
    expect((await deps.channels.list()).map((c) => c.id)).toEqual(['oa']);
    expect(wechat.calls).not.toContain(`info ${OA.appId}`);
  });

  it('the second notice of one authorization finds it done; an unknown code is refused', async () => {
    wechat.grant('code1', [1, 11]);
    await completeAuthorization(deps, 'code1');
    await expect(
      platformEventReceived(deps, { infoType: 'authorized', authorizerAppId: OA.appId, authorizationCode: 'code1' }),
    ).resolves.toMatchObject({
      kind: 'authorized',
      authorization: { channelId: OA.appId },
    });
    expect(wechat.calls.filter((c) => c === 'query code1')).toHaveLength(1); // the spent code is not sent to WeChat again
    await expect(completeAuthorization(deps, 'code-nobody')).rejects.toMatchObject({ code: 'wechat_refused' });
    expect(await deps.platform.authorizations()).toHaveLength(1);
  });

  it('updateauthorized takes the new permissions and refresh token', async () => {
    wechat.grant('code1', [1]);
    await completeAuthorization(deps, 'code1');
    wechat.grant('code2', [1, 11], 'refresh-two');
    now += 1000;
    const outcome = await platformEventReceived(deps, {
      infoType: 'updateauthorized',
      authorizerAppId: OA.appId,
      authorizationCode: 'code2',
    });
    expect(outcome).toMatchObject({ kind: 'updated', authorization: { permissions: [{ id: 1 }, { id: 11 }], missingPermissions: [] } });
    expect(await deps.platform.authorization(OA.appId)).toMatchObject({ refreshToken: 'refresh-two', authorizedAt: 1_000_000 });
  });

  it('unauthorized revokes it, drops its token, keeps the channel; a new authorization brings it back', async () => {
    wechat.grant('code1', [1, 11]);
    await completeAuthorization(deps, 'code1');
    now += 1000;
    expect(await platformEventReceived(deps, { infoType: 'unauthorized', authorizerAppId: OA.appId })).toMatchObject({
      kind: 'revoked',
      authorization: { state: 'revoked', revokedAt: now },
    });
    expect(await deps.tokens.load(OA.appId, 'authorizer')).toBeUndefined();
    expect(await deps.channels.get(OA.appId)).toBeDefined();
    wechat.grant('code2', [1, 11]);
    expect(await completeAuthorization(deps, 'code2')).toMatchObject({ state: 'authorized', revokedAt: null, authorizedAt: now });
  });

  it('unauthorized from an account that never authorized changes nothing', async () => {
    expect(await platformEventReceived(deps, { infoType: 'unauthorized', authorizerAppId: 'wxnobody000000001' })).toMatchObject({
      kind: 'ignored',
    });
    expect(await deps.platform.authorizations()).toEqual([]);
  });
});
