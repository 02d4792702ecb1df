// The open platform's token and authorization APIs (wechat-protocol.md §9), with WeChat's error codes:
// - cgi-bin/component/api_component_token
//   (doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html: 61004 IP not
//   whitelisted, 61005 ticket expired, 61006 ticket invalid, 41004 secret missing, 40125 invalid appsecret,
//   61011 invalid component; 41018 missing component_appid as WeChat answers it, community thread
//   developers.weixin.qq.com/community/personal/oCJUsw5qKyD5HlMpc8PrCqt3up1g/question);
// - api_create_preauthcode, api_query_auth, api_authorizer_token, api_get_authorizer_info, called with
//   `?component_access_token=` (the newer pages name the parameter `access_token`; both are read, as
//   WxJava `WxOpenComponentServiceImpl` and wechatpy `WeChatComponent` send the former);
// - sns/component/jscode2session (thirdpartyCode2Session) for an authorized mini program's login.
import { Router, type Request } from 'express';
import type { EmulatedApp } from '../apps';
import { EmulatorApiError } from '../errors';
import type { Authorization } from '../open-platform';
import type { OpenPlatformConfig } from '../open-platform-config';
import { randomId } from '../random';
import type { EmulatorState } from '../state';
import { type ApiAnswer, type CallContext, jsonBody, queryString, wechatApi } from './wechat-handler';

function jsonObject(req: Request): Record<string, unknown> {
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new EmulatorApiError(47001);
  return body as Record<string, unknown>;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Token first (as every WeChat API), then the body's component_appid must be the token's platform. */
function componentCall(
  state: EmulatorState,
  req: Request,
  ctx: CallContext,
): { body: Record<string, unknown>; config: OpenPlatformConfig } {
  const token = queryString(req, 'component_access_token') ?? queryString(req, 'access_token');
  state.openPlatform.verifyComponentToken(token, state.clock.now());
  const body = jsonObject(req);
  ctx.request = { component_appid: body.component_appid, authorizer_appid: body.authorizer_appid };
  return { body, config: state.openPlatform.platformOf(body.component_appid) };
}

function callerIp(req: Request): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

function funcInfo(a: Authorization) {
  return a.funcIds.map((id) => ({ funcscope_category: { id } }));
}

function authorizerApp(state: EmulatorState, a: Authorization): EmulatedApp {
  const app = state.apps.find(a.authorizerAppId);
  if (!app) throw new EmulatorApiError(61003);
  return app;
}

/** authorizer_info as api_get_authorizer_info answers (doc/oplatform/.../api_get_authorizer_info.html). */
function authorizerInfo(app: EmulatedApp) {
  const common = {
    nick_name: app.nickName ?? `Emulated ${app.kind === 'miniprogram' ? 'mini program' : 'official account'} ${app.appId}`,
    head_img: '',
    // Official account: 2 服务号; mini program: 0. verify_type_info 0: 微信认证.
    service_type_info: { id: app.kind === 'miniprogram' ? 0 : 2 },
    verify_type_info: { id: 0 },
    user_name: app.originalId,
    principal_name: 'Emulated principal 模拟主体',
    alias: '',
    qrcode_url: '',
    business_info: { open_pay: 0, open_shake: 0, open_scan: 0, open_card: 0, open_store: 0 },
    signature: '',
  };
  if (app.kind !== 'miniprogram') return common;
  const network = { RequestDomain: [], WsRequestDomain: [], UploadDomain: [], DownloadDomain: [], BizDomain: [], UDPDomain: [] };
  return { ...common, MiniProgramInfo: { network, categories: [], visit_status: 0 } };
}

type Handler = (state: EmulatorState, req: Request, ctx: CallContext) => ApiAnswer;

function componentToken(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  const body = jsonObject(req);
  ctx.appId = text(body.component_appid);
  ctx.request = { component_appid: body.component_appid };
  const config = state.openPlatform.platformOf(body.component_appid);
  if (config.ipWhitelist && !config.ipWhitelist.includes(callerIp(req))) throw new EmulatorApiError(61004);
  if (typeof body.component_appsecret !== 'string' || body.component_appsecret === '') throw new EmulatorApiError(41004);
  if (body.component_appsecret !== config.componentAppSecret) throw new EmulatorApiError(40125);
  const now = state.clock.now();
  state.openPlatform.checkTicket(body.component_verify_ticket, now);
  const granted = state.openPlatform.componentTokens.issueBasic({ appId: config.componentAppId }, now, 'component');
  return { json: { component_access_token: granted.access_token, expires_in: granted.expires_in } };
}

function preAuthCode(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  componentCall(state, req, ctx);
  return { json: state.openPlatform.issuePreAuthCode(state.clock.now()) };
}

function queryAuth(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  const { body } = componentCall(state, req, ctx);
  const now = state.clock.now();
  const a = state.openPlatform.redeemAuthCode(body.authorization_code, now);
  ctx.appId = a.authorizerAppId;
  const granted = state.tokens.issueBasic({ appId: a.authorizerAppId }, now, 'authorizer');
  const authorization_info = {
    authorizer_appid: a.authorizerAppId,
    authorizer_access_token: granted.access_token,
    expires_in: granted.expires_in,
    authorizer_refresh_token: a.refreshToken,
    func_info: funcInfo(a),
  };
  return { json: { authorization_info } };
}

function authorizerToken(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  const { body } = componentCall(state, req, ctx);
  ctx.appId = text(body.authorizer_appid);
  const a = state.openPlatform.checkRefreshToken(body.authorizer_appid, body.authorizer_refresh_token);
  const granted = state.tokens.issueBasic({ appId: a.authorizerAppId }, state.clock.now(), 'authorizer');
  return {
    json: { authorizer_access_token: granted.access_token, expires_in: granted.expires_in, authorizer_refresh_token: a.refreshToken },
  };
}

function getAuthorizerInfo(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  const { body } = componentCall(state, req, ctx);
  ctx.appId = text(body.authorizer_appid);
  const a = state.openPlatform.requireAuthorization(body.authorizer_appid);
  const authorization_info = { authorizer_appid: a.authorizerAppId, authorizer_refresh_token: a.refreshToken, func_info: funcInfo(a) };
  return { json: { authorizer_info: authorizerInfo(authorizerApp(state, a)), authorization_info } };
}

const POSTS: Record<string, Handler> = {
  'cgi-bin/component/api_component_token': componentToken,
  'cgi-bin/component/api_create_preauthcode': preAuthCode,
  'cgi-bin/component/api_query_auth': queryAuth,
  'cgi-bin/component/api_authorizer_token': authorizerToken,
  'cgi-bin/component/api_get_authorizer_info': getAuthorizerInfo,
};

export function componentRoutes(state: EmulatorState): Router {
  const r = Router();
  for (const [api, handle] of Object.entries(POSTS))
    r.post(
      `/${api}`,
      wechatApi(state, api, (req, ctx) => handle(state, req, ctx)),
    );
  r.get(
    '/sns/component/jscode2session',
    wechatApi(state, 'sns/component/jscode2session', (req, ctx) => componentLogin(state, req, ctx)),
  );
  return r;
}

/**
 * thirdpartyCode2Session (doc/oplatform/openApi/OpenApiDoc/miniprogram-management/login/thirdpartyCode2Session.html):
 * appid, js_code, grant_type=authorization_code, component_appid, component_access_token; no secret.
 */
function componentLogin(state: EmulatorState, req: Request, ctx: CallContext): ApiAnswer {
  const appid = queryString(req, 'appid');
  ctx.appId = appid;
  ctx.request = { appid, grant_type: queryString(req, 'grant_type'), component_appid: queryString(req, 'component_appid') };
  state.openPlatform.verifyComponentToken(queryString(req, 'component_access_token'), state.clock.now());
  state.openPlatform.platformOf(queryString(req, 'component_appid'));
  if (queryString(req, 'grant_type') !== 'authorization_code') throw new EmulatorApiError(40002);
  if (appid === undefined || appid === '') throw new EmulatorApiError(41002);
  const app = authorizerApp(state, state.openPlatform.requireAuthorization(appid));
  if (app.kind !== 'miniprogram') throw new EmulatorApiError(48001);
  const code = queryString(req, 'js_code');
  if (code === undefined || code === '') throw new EmulatorApiError(41008);
  const openId = state.loginCodes.redeem(app.appId, code, state.clock.now());
  const customer = state.customers.ensure(app.appId, openId);
  const session = { openid: openId, session_key: randomId(state.random, 16) };
  return { json: customer.unionId === null ? session : { ...session, unionid: customer.unionId } };
}
