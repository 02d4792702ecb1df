// WeChat's authorization page (授权页), served where the emulator plays mp.weixin.qq.com:
// GET /cgi-bin/componentloginpage?component_appid=…&pre_auth_code=…&redirect_uri=…&auth_type=1|2|3[&biz_appid=…]
// (PC, doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Authorization_Process_Technical_Description.html)
// and GET /safe/bindcomponent?action=bindcomponent&no_scan=1&… (mobile). A simulated admin picks one of the
// emulator's accounts allowed by auth_type (1 official accounts, 2 mini programs, 3 both, WeChat's default),
// may untick permission sets, and confirms: the page pushes `authorized` (or `updateauthorized`) and
// redirects to redirect_uri?auth_code=…&expires_in=…. Stable ids for a headless browser: radio
// `account-<appId>` (name authorizer_appid), checkbox `func-<id>` (name func), button `confirm`.
import { Router, type Request, type Response } from 'express';
import { EmulatorAdminError } from '../errors';
import { type AuthType, authorizeAccount, offered, redirectProblem } from '../open-platform-actions';
import { FUNC_SETS } from '../open-platform-config';
import type { EmulatorState } from '../state';

const PAGE_PATHS = ['/cgi-bin/componentloginpage', '/safe/bindcomponent'];
const CONFIRM_PATH = '/cgi-bin/componentloginpage/confirm';

interface PageParams {
  componentAppId: string;
  preAuthCode: string;
  redirectUri: string;
  authType: AuthType;
  bizAppId?: string;
}

function esc(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:14px sans-serif;margin:2em;max-width:40em}fieldset{margin:1em 0}label{display:block;margin:.3em 0}#error{color:#b00}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

/** The page's parameters, or the error WeChat's page would show. */
function readParams(state: EmulatorState, get: (name: string) => string | undefined): PageParams | string {
  const config = state.openPlatform.config;
  const componentAppId = get('component_appid') ?? '';
  if (!config || config.componentAppId !== componentAppId) return 'invalid component_appid 第三方平台不存在';
  const authTypeText = get('auth_type') ?? '3';
  if (!['1', '2', '3'].includes(authTypeText)) return 'invalid auth_type 授权类型无效';
  const redirectUri = get('redirect_uri') ?? '';
  const redirect = redirectProblem(state, redirectUri);
  if (redirect) return redirect;
  const preAuthCode = get('pre_auth_code') ?? '';
  const problem = state.openPlatform.preAuthCodeProblem(preAuthCode, state.clock.now());
  if (problem) return problem;
  const bizAppId = get('biz_appid');
  return { componentAppId, preAuthCode, redirectUri, authType: Number(authTypeText) as AuthType, ...(bizAppId && { bizAppId }) };
}

function errorPage(res: Response, message: string): void {
  res
    .status(400)
    .type('html')
    .send(shell('授权失败 Authorization failed', `<p id="error">${esc(message)}</p>`));
}

function renderPage(state: EmulatorState, p: PageParams): string {
  const accounts = state.apps.list().filter((a) => offered(a, p.authType, p.bizAppId));
  const radios = accounts
    .map(
      (a, i) =>
        `<label><input type="radio" name="authorizer_appid" id="account-${esc(a.appId)}" value="${esc(a.appId)}"${i === 0 ? ' checked' : ''}> ${esc(a.nickName ?? a.appId)} (${a.kind === 'miniprogram' ? '小程序 mini program' : '公众号 official account'}, ${esc(a.appId)})</label>`,
    )
    .join('');
  const kinds = [...new Set(accounts.map((a) => a.kind))];
  const funcs = kinds
    .map(
      (kind) =>
        `<fieldset data-kind="${kind}"><legend>${kind === 'miniprogram' ? '小程序权限集 Mini program permissions' : '公众号权限集 Official account permissions'}</legend>${FUNC_SETS[
          kind
        ]
          .map(
            (f) => `<label><input type="checkbox" name="func" id="func-${f.id}" value="${f.id}" checked> ${esc(f.name)} (${f.id})</label>`,
          )
          .join('')}</fieldset>`,
    )
    .join('');
  const hidden = Object.entries({
    component_appid: p.componentAppId,
    pre_auth_code: p.preAuthCode,
    redirect_uri: p.redirectUri,
    auth_type: String(p.authType),
    biz_appid: p.bizAppId ?? '',
  })
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
    .join('');
  const body = accounts.length
    ? `<form method="post" action="${CONFIRM_PATH}" id="authorize-form">${hidden}<fieldset><legend>选择帐号 Choose the account</legend>${radios}</fieldset>${funcs}<button type="submit" id="confirm" name="confirm" value="1">授权 Authorize</button></form>`
    : '<p id="error">no account of the requested kind 没有可授权的帐号</p>';
  return shell('授权给第三方平台 Authorize the third-party platform', body);
}

function formOf(req: Request): URLSearchParams {
  return new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
}

export function componentLoginPageRoutes(state: EmulatorState): Router {
  const r = Router();
  for (const path of PAGE_PATHS) {
    r.get(path, (req, res) => {
      const p = readParams(state, (name) => (typeof req.query[name] === 'string' ? req.query[name] : undefined));
      if (typeof p === 'string') return errorPage(res, p);
      res.type('html').send(renderPage(state, p));
    });
  }
  r.post(CONFIRM_PATH, async (req, res) => {
    const form = formOf(req);
    const p = readParams(state, (name) => form.get(name) ?? undefined);
    if (typeof p === 'string') return errorPage(res, p);
    try {
      const result = await authorizeAccount(state, {
        preAuthCode: p.preAuthCode,
        authorizerAppId: form.get('authorizer_appid') ?? '',
        funcIds: form.getAll('func').map(Number),
        authType: p.authType,
        ...(p.bizAppId !== undefined && { bizAppId: p.bizAppId }),
        redirectUri: p.redirectUri,
      });
      res.redirect(302, result.redirect as string);
    } catch (err) {
      if (err instanceof EmulatorAdminError) return errorPage(res, err.message);
      throw err;
    }
  });
  return r;
}
