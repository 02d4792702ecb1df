// The admin submitting an app's 消息推送配置 (URL, Token, EncodingAESKey, mode, format) in WeChat's console.
// As WeChat does, the URL is verified first with the NEW Token (a GET with echostr); the settings are saved
// only when the server answers exactly the echostr, otherwise the console says 「Token验证失败」 and
// the app keeps its old settings. Tests use it to change an app's push settings mid-test.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
import { Router } from 'express';
import { z } from 'zod';
import { parseApp, publicView } from '../apps';
import { EmulatorAdminError } from '../errors';
import type { EmulatorState } from '../state';
import { verifyUrl } from '../../wechat/push-client/index';
import { appOf } from './customer-routes';

const pushConfigSchema = z.strictObject({
  pushUrl: z.url().optional(),
  token: z.string().optional(),
  encodingAesKey: z.string().optional(),
  mode: z.enum(['plaintext', 'compatible', 'secure']).optional(),
  format: z.enum(['xml', 'json']).optional(),
});

export function pushConfigRoutes(state: EmulatorState): Router {
  const r = Router();
  r.put('/apps/:appId/push-config', async (req, res) => {
    const current = appOf(state, req);
    const next = parseApp({ ...current, ...pushConfigSchema.parse(req.body ?? {}) });
    if (next.pushUrl === undefined || next.token === undefined) throw new EmulatorAdminError(400, 'the console needs a URL and a Token');
    const check = await verifyUrl({ url: next.pushUrl, token: next.token }).catch((err: unknown) => ({
      ok: false,
      status: 0,
      body: err instanceof Error ? err.message : String(err),
    }));
    if (!check.ok) throw new EmulatorAdminError(409, `Token验证失败: the server answered HTTP ${check.status}, not the echostr`);
    state.apps.register(next);
    res.json(publicView(next));
  });
  return r;
}
