// cgi-bin/message/custom/send and cgi-bin/message/custom/typing
// (miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html, .../customer-message/typing.html).
// Check order as WeChat: token, body, message type, openid, referenced media, then the window.
import { Router } from 'express';
import { parseCustomMessage } from '../message-rules';
import { appOfToken, type EmulatorState } from '../state';
import { jsonBody, wechatApi } from './wechat-handler';

export function messageRoutes(state: EmulatorState): Router {
  const r = Router();
  r.post(
    '/cgi-bin/message/custom/send',
    wechatApi(state, 'cgi-bin/message/custom/send', (req, ctx) => {
      const app = appOfToken(state, req.query.access_token, 'message');
      ctx.appId = app.appId;
      const body = jsonBody(req);
      ctx.request = body;
      const msg = parseCustomMessage(app.kind, body);
      const now = state.clock.now();
      const customer = state.customers.get(app.appId, msg.touser);
      for (const id of msg.mediaIds) state.media.get(app.appId, id, now);
      state.customers.consumeSend(customer, now);
      return { json: { errcode: 0, errmsg: 'ok' } };
    }),
  );
  r.post(
    '/cgi-bin/message/custom/typing',
    wechatApi(state, 'cgi-bin/message/custom/typing', (req, ctx) => {
      const app = appOfToken(state, req.query.access_token, 'message');
      ctx.appId = app.appId;
      const body = jsonBody(req) as Record<string, unknown>;
      ctx.request = body;
      const customer = state.customers.get(app.appId, body.touser);
      state.customers.typing(customer, body.command, state.clock.now());
      return { json: { errcode: 0, errmsg: 'ok' } };
    }),
  );
  return r;
}
