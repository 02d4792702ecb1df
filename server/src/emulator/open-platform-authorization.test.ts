// The open platform's authorization: pre_auth_code, the authorization page over HTTP, api_query_auth,
// refresh, authorizer info, re-authorization and revocation, against WeChat's rules.
import { field } from './testing/open-platform-receiver';
import { MINI_PROGRAM, OFFICIAL_ACCOUNT } from './testing/test-emulator';
import { PLATFORM, startTestPlatform, type TestPlatform } from './testing/test-open-platform';

let tp: TestPlatform;
let token: string;
const REDIRECT = 'https://kefu.example.com/open-platform/return?x=1';

beforeEach(async () => {
  tp = await startTestPlatform();
  await tp.receiver.waitFor('/auth-events', 1);
  token = await tp.componentToken();
});
afterEach(() => tp.close());

const api = (name: string, body: Record<string, unknown>, t = token) =>
  tp.call(`/cgi-bin/component/${name}?component_access_token=${encodeURIComponent(t)}`, {
    component_appid: PLATFORM.componentAppId,
    ...body,
  });

function pageUrl(pre: string, authType = '3', redirect = REDIRECT): string {
  const q = new URLSearchParams({
    component_appid: PLATFORM.componentAppId,
    pre_auth_code: pre,
    redirect_uri: redirect,
    auth_type: authType,
  });
  return `${tp.emu.baseUrl}/cgi-bin/componentloginpage?${q}`;
}

/** What a browser does on the page: choose the account, untick some sets, press 授权. */
async function confirm(pre: string, appId: string, funcs: number[], authType = '3') {
  const form = new URLSearchParams({
    component_appid: PLATFORM.componentAppId,
    pre_auth_code: pre,
    redirect_uri: REDIRECT,
    auth_type: authType,
  });
  form.set('authorizer_appid', appId);
  for (const f of funcs) form.append('func', String(f));
  return fetch(`${tp.emu.baseUrl}/cgi-bin/componentloginpage/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

async function authorize(appId: string, funcIds?: number[]) {
  const pre = await tp.preAuthCode(token);
  return tp.emu.admin<{ authCode: string; infoType: string }>('/open-platform/authorize', {
    preAuthCode: pre,
    authorizerAppId: appId,
    funcIds,
  });
}

describe('pre_auth_code and the component token check', () => {
  it('issues a 1800 s code; a missing, unknown, expired or superseded component token is refused', async () => {
    const ok = await api('api_create_preauthcode', {});
    expect(ok).toMatchObject({ expires_in: 1800 });
    expect(String(ok.pre_auth_code)).toMatch(/^preauthcode@@@/);
    expect((await tp.call('/cgi-bin/component/api_create_preauthcode', { component_appid: PLATFORM.componentAppId })).errcode).toBe(41001);
    expect((await api('api_create_preauthcode', {}, 'x'.repeat(40))).errcode).toBe(40001);
    expect((await api('api_create_preauthcode', { component_appid: 'wxsomeoneelse1' })).errcode).toBe(61011);
    const newer = await tp.componentToken();
    tp.emu.clock.advance(5 * 60_000);
    expect((await api('api_create_preauthcode', {})).errcode).toBe(40001);
    tp.emu.clock.advance(7200_000 - 5 * 60_000);
    expect((await api('api_create_preauthcode', {}, newer)).errcode).toBe(42001);
  });
});

describe('the authorization page', () => {
  it('lists the accounts of auth_type, confirms, redirects with auth_code and pushes authorized', async () => {
    const pre = await tp.preAuthCode(token);
    const mpOnly = await (await fetch(pageUrl(pre, '2'))).text();
    expect(mpOnly).toContain(`id="account-${MINI_PROGRAM.appId}"`);
    expect(mpOnly).not.toContain(`id="account-${OFFICIAL_ACCOUNT.appId}"`);
    expect(mpOnly).toContain('id="func-19"');
    expect(mpOnly).toContain('id="confirm"');
    const both = await (await fetch(pageUrl(pre))).text();
    expect(both).toContain(`id="account-${OFFICIAL_ACCOUNT.appId}"`);
    const res = await confirm(pre, MINI_PROGRAM.appId, [17, 19]);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://kefu.example.com/open-platform/return');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.get('expires_in')).toBe('3600');
    const authCode = location.searchParams.get('auth_code') ?? '';
    const event = tp.events().find((e) => e.infoType === 'authorized');
    expect(field(event?.xml ?? '', 'AuthorizerAppid')).toBe(MINI_PROGRAM.appId);
    expect(field(event?.xml ?? '', 'AuthorizationCode')).toBe(authCode);
    expect(field(event?.xml ?? '', 'PreAuthCode')).toBe(pre);
    expect(Number(field(event?.xml ?? '', 'AuthorizationCodeExpiredTime'))).toBe(tp.emu.clock.now() / 1000 + 3600);
    expect(JSON.stringify(tp.emu.state.recorder.list())).not.toContain(authCode); // a credential, never recorded
    const info = await api('api_query_auth', { authorization_code: authCode });
    expect(info.authorization_info).toMatchObject({
      authorizer_appid: MINI_PROGRAM.appId,
      expires_in: 7200,
      func_info: [{ funcscope_category: { id: 17 } }, { funcscope_category: { id: 19 } }],
    });
  });

  it('a pre_auth_code works once and for 1800 s; a wrong component, auth_type or domain is refused', async () => {
    const pre = await tp.preAuthCode(token);
    expect((await confirm(pre, MINI_PROGRAM.appId, [19])).status).toBe(302);
    const again = await fetch(pageUrl(pre));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
    expect((await confirm(pre, OFFICIAL_ACCOUNT.appId, [1])).status).toBe(400);
    const late = await tp.preAuthCode(token);
    tp.emu.clock.advance(1800_000);
    expect(await (await fetch(pageUrl(late))).text()).toContain('expired');
    const fresh = await tp.preAuthCode(token);
    expect((await fetch(pageUrl(fresh, '4'))).status).toBe(400);
    expect((await fetch(pageUrl(fresh).replace(PLATFORM.componentAppId, 'wxsomeoneelse1'))).status).toBe(400);
    // An official account is not offered by an auth_type=2 page.
    expect((await confirm(fresh, OFFICIAL_ACCOUNT.appId, [1], '2')).status).toBe(400);
    expect(tp.emu.state.openPlatform.list()).toHaveLength(1);
  });

  it('redirect_uri must be on the platform’s 授权发起页域名 when one is set', async () => {
    await tp.close();
    tp = await startTestPlatform({}, { redirectDomain: 'kefu.example.com' });
    await tp.receiver.waitFor('/auth-events', 1);
    token = await tp.componentToken();
    const pre = await tp.preAuthCode(token);
    expect((await fetch(pageUrl(pre, '3', 'https://evil.example.net/cb'))).status).toBe(400);
    expect((await fetch(pageUrl(pre))).status).toBe(200);
  });
});

describe('authorization codes and tokens', () => {
  it('api_query_auth: single use, 61009 unknown, 61010 used or expired', async () => {
    const { authCode } = await authorize(OFFICIAL_ACCOUNT.appId);
    expect((await api('api_query_auth', { authorization_code: 'queryauthcode@@@nope' })).errcode).toBe(61009);
    const first = await api('api_query_auth', { authorization_code: authCode });
    expect((first.authorization_info as { func_info: unknown[] }).func_info).toHaveLength(7);
    expect((await api('api_query_auth', { authorization_code: authCode })).errcode).toBe(61010);
    const { authCode: late } = await authorize(OFFICIAL_ACCOUNT.appId);
    tp.emu.clock.advance(3600_000);
    expect((await api('api_query_auth', { authorization_code: late })).errcode).toBe(61010);
  });

  it('the authorizer token works for its account only, within the granted permission sets', async () => {
    const { authCode } = await authorize(MINI_PROGRAM.appId, [17]);
    const auth = (await api('api_query_auth', { authorization_code: authCode })).authorization_info as Record<string, string>;
    const typing = (t: string, touser = 'oCustomer') =>
      tp.call(`/cgi-bin/message/custom/typing?access_token=${t}`, { touser, command: 'Typing' }).then((a) => a.errcode);
    await tp.emu.customerSays(MINI_PROGRAM, 'oCustomer', 'text', { text: 'hi', deliver: false });
    expect(await typing(auth.authorizer_access_token ?? '')).toBe(61007); // 19 unticked
    const { authCode: again } = await authorize(MINI_PROGRAM.appId, [19]);
    const granted = (await api('api_query_auth', { authorization_code: again })).authorization_info as Record<string, string>;
    expect(await typing(granted.authorizer_access_token ?? '')).toBe(0);
    await tp.emu.customerSays(OFFICIAL_ACCOUNT, 'oOther', 'text', { text: 'hi', deliver: false });
    expect(await typing(granted.authorizer_access_token ?? '', 'oOther')).toBe(40003); // another account's user
  });

  it('refresh keeps the refresh token, supersedes the access token after 5 minutes; re-authorization replaces the refresh token', async () => {
    const { authCode } = await authorize(OFFICIAL_ACCOUNT.appId);
    const a = (await api('api_query_auth', { authorization_code: authCode })).authorization_info as Record<string, string>;
    const refresh = (rt: string | undefined, appId = OFFICIAL_ACCOUNT.appId) =>
      api('api_authorizer_token', { authorizer_appid: appId, authorizer_refresh_token: rt });
    tp.emu.clock.advance(6000_000); // 20 minutes before expiry, as a careful caller refreshes
    const b = await refresh(a.authorizer_refresh_token);
    expect(b).toMatchObject({ expires_in: 7200, authorizer_refresh_token: a.authorizer_refresh_token });
    expect(b.authorizer_access_token).not.toBe(a.authorizer_access_token);
    const upload = async (t: unknown) =>
      ((await (await fetch(`${tp.emu.baseUrl}/cgi-bin/media/get?access_token=${String(t)}&media_id=none`)).json()) as { errcode: number })
        .errcode;
    expect(await upload(a.authorizer_access_token)).toBe(40007); // token accepted, media unknown
    tp.emu.clock.advance(5 * 60_000);
    expect(await upload(a.authorizer_access_token)).toBe(40001);
    expect(await upload(b.authorizer_access_token)).toBe(40007);
    expect((await refresh('refreshtoken@@@wrong')).errcode).toBe(61023);
    expect((await refresh(a.authorizer_refresh_token, MINI_PROGRAM.appId)).errcode).toBe(61023);
    const update = await authorize(OFFICIAL_ACCOUNT.appId, [1, 11]);
    expect(update.infoType).toBe('updateauthorized');
    expect(tp.events().map((e) => e.infoType)).toContain('updateauthorized');
    expect((await refresh(a.authorizer_refresh_token)).errcode).toBe(61023);
    const c = (await api('api_query_auth', { authorization_code: update.authCode })).authorization_info as Record<string, string>;
    expect((await refresh(c.authorizer_refresh_token)).errcode).toBeUndefined();
  });

  it('api_get_authorizer_info describes the account; 61003 for one not authorized', async () => {
    await authorize(MINI_PROGRAM.appId);
    await authorize(OFFICIAL_ACCOUNT.appId, [1]);
    const mp = await api('api_get_authorizer_info', { authorizer_appid: MINI_PROGRAM.appId });
    expect(mp.authorizer_info).toMatchObject({ user_name: MINI_PROGRAM.originalId, service_type_info: { id: 0 }, MiniProgramInfo: {} });
    expect(mp.authorization_info).toMatchObject({ authorizer_appid: MINI_PROGRAM.appId });
    const oa = await api('api_get_authorizer_info', { authorizer_appid: OFFICIAL_ACCOUNT.appId });
    expect(oa.authorizer_info).toMatchObject({
      user_name: OFFICIAL_ACCOUNT.originalId,
      service_type_info: { id: 2 },
      verify_type_info: { id: 0 },
    });
    expect(oa.authorizer_info).not.toHaveProperty('MiniProgramInfo');
    expect(oa.authorization_info).toMatchObject({ func_info: [{ funcscope_category: { id: 1 } }] });
    expect((await api('api_get_authorizer_info', { authorizer_appid: 'wxnotauthorized1' })).errcode).toBe(61003);
  });
});

describe('revocation', () => {
  it('pushes unauthorized; the tokens, refresh token and info stop working; pushes go back to the app’s own URL', async () => {
    const { authCode } = await authorize(MINI_PROGRAM.appId);
    const a = (await api('api_query_auth', { authorization_code: authCode })).authorization_info as Record<string, string>;
    const revoked = await tp.emu.admin<{ push: { delivered: boolean; answer: string } }>(
      `/open-platform/authorizations/${MINI_PROGRAM.appId}/revoke`,
    );
    expect(revoked.push).toMatchObject({ delivered: true, answer: 'success' });
    const event = tp.events().find((e) => e.infoType === 'unauthorized');
    expect(field(event?.xml ?? '', 'AuthorizerAppid')).toBe(MINI_PROGRAM.appId);
    expect(field(event?.xml ?? '', 'AuthorizationCode')).toBeUndefined();
    const typing = await tp.call(`/cgi-bin/message/custom/typing?access_token=${a.authorizer_access_token}`, {
      touser: 'o1',
      command: 'Typing',
    });
    expect(typing.errcode).toBe(40001);
    const refresh = await api('api_authorizer_token', {
      authorizer_appid: MINI_PROGRAM.appId,
      authorizer_refresh_token: a.authorizer_refresh_token,
    });
    expect(refresh.errcode).toBe(61023);
    expect((await api('api_get_authorizer_info', { authorizer_appid: MINI_PROGRAM.appId })).errcode).toBe(61003);
    const said = (await tp.emu.customerSays(MINI_PROGRAM, 'oAfter', 'text', { text: 'hi' })) as { push: { delivered: boolean } };
    expect(said.push.delivered).toBe(false); // the mini program has no push URL of its own
    const again = await fetch(`${tp.emu.baseUrl}/emulator/open-platform/authorizations/${MINI_PROGRAM.appId}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});
