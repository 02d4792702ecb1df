// cgi-bin/token (doc/offiaccount/Basic_Information/Get_access_token.html) and cgi-bin/stable_token
// (doc/service/api/base/api_getstableaccesstoken). The rules live in token-service.ts.
import { Router } from 'express';
import { EmulatorApiError } from '../errors';
import { appOfCredentials, type EmulatorState } from '../state';
import { jsonBody, queryString, wechatApi } from './wechat-handler';

export function tokenRoutes(state: EmulatorState): Router {
  const r = Router();
  r.get(
    '/cgi-bin/token',
    wechatApi(state, 'cgi-bin/token', (req, ctx) => {
      const appid = queryString(req, 'appid');
      ctx.appId = appid;
      ctx.request = { grant_type: queryString(req, 'grant_type'), appid };
      if (queryString(req, 'grant_type') !== 'client_credential') throw new EmulatorApiError(40002);
      const app = appOfCredentials(state, appid, queryString(req, 'secret'));
      return { json: { ...state.tokens.issueBasic(app, state.clock.now()) } };
    }),
  );
  r.post(
    '/cgi-bin/stable_token',
    wechatApi(state, 'cgi-bin/stable_token', (req, ctx) => {
      const body = jsonBody(req) as Record<string, unknown>;
      ctx.appId = typeof body.appid === 'string' ? body.appid : undefined;
      ctx.request = { grant_type: body.grant_type, appid: body.appid, force_refresh: body.force_refresh };
      if (body.grant_type !== 'client_credential') throw new EmulatorApiError(40002);
      const app = appOfCredentials(state, body.appid, body.secret);
      return { json: { ...state.tokens.stable(app, state.clock.now(), body.force_refresh === true) } };
    }),
  );
  return r;
}
