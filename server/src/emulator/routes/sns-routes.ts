// sns/jscode2session (miniprogram/dev/OpenApiDoc/user-login/code2Session.html): only codes the
// emulator issued (admin: POST /emulator/apps/:appId/customers/:openId/login) are valid.
import { Router } from 'express';
import { EmulatorApiError } from '../errors';
import { randomId } from '../random';
import { appOfCredentials, type EmulatorState } from '../state';
import { queryString, wechatApi } from './wechat-handler';

export function snsRoutes(state: EmulatorState): Router {
  const r = Router();
  r.get(
    '/sns/jscode2session',
    wechatApi(state, 'sns/jscode2session', (req, ctx) => {
      const appid = queryString(req, 'appid');
      ctx.appId = appid;
      ctx.request = { appid, grant_type: queryString(req, 'grant_type') };
      const app = appOfCredentials(state, appid, queryString(req, 'secret'));
      if (app.kind !== 'miniprogram') throw new EmulatorApiError(48001);
      const code = queryString(req, 'js_code');
      if (code === undefined || code === '') throw new EmulatorApiError(41008);
      const openId = state.loginCodes.redeem(app.appId, code, state.clock.now());
      const customer = state.customers.ensure(app.appId, openId);
      const session = { openid: openId, session_key: randomId(state.random, 16) };
      // WeChat leaves unionid out for apps not bound to an open platform account.
      return { json: customer.unionId === null ? session : { ...session, unionid: customer.unionId } };
    }),
  );
  return r;
}
