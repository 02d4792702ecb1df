// Test support (no tests here): a small local stand-in for WeChat's open-platform API on a real port, for
// the server's own tests until they run against the emulator. Strict like WeChat: the component token
// needs the AppSecret and the latest ticket; a pre_auth_code and an auth_code are single use; a refresh
// token is replaced by each refresh (the old one then fails, 61023); a send needs the account's current
// authorizer token. It counts every call by path, cgi-bin/token and stable_token included (never expected).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface FakeAccount {
  appId: string;
  name: string;
  originalId: string;
  kind: 'miniprogram' | 'official_account';
  permissions: number[];
}

export interface FakeOpenPlatform {
  url: string;
  calls: Map<string, number>;
  /** Custom messages accepted, with the account they were sent as. */
  sent: Array<{ appId: string; body: Record<string, unknown> }>;
  /** The ticket WeChat last pushed: the only one the component token call accepts. */
  ticket: string;
  /** An auth_code the authorization page would hand out for `account`. */
  grant(account: FakeAccount): string;
  /** How long authorizer and component tokens live (seconds); default 7200. */
  expiresIn: number;
  close(): Promise<void>;
}

const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg });

/** `now`: WeChat's clock (ms), which ends tokens at their expiry (42001); default the real one. */
export async function startFakeOpenPlatform(
  component: { appId: string; secret: string },
  now: () => number = Date.now,
): Promise<FakeOpenPlatform> {
  const app = express();
  app.use(express.json());
  let n = 0;
  const next = (prefix: string) => `${prefix}${++n}`;
  const componentTokens = new Map<string, number>();
  const preAuthCodes = new Set<string>();
  const codes = new Map<string, FakeAccount>();
  const accounts = new Map<string, { account: FakeAccount; accessToken: string; refreshToken: string; expiresAt: number }>();
  const fake: FakeOpenPlatform = {
    url: '',
    calls: new Map(),
    sent: [],
    ticket: '',
    expiresIn: 7200,
    grant: (account) => {
      const code = next('queryauthcode@@@');
      codes.set(code, account);
      return code;
    },
    close: async () => undefined,
  };
  app.use((req, _res, nextHandler) => {
    fake.calls.set(req.path, (fake.calls.get(req.path) ?? 0) + 1);
    nextHandler();
  });
  const componentOk = (token: unknown) => typeof token === 'string' && now() < (componentTokens.get(token) ?? 0);
  const authorizer = (appId: string, accessToken: string, refreshToken: string) => {
    const entry = accounts.get(appId);
    return {
      authorizer_appid: appId,
      authorizer_access_token: accessToken,
      expires_in: fake.expiresIn,
      authorizer_refresh_token: refreshToken,
      func_info: entry?.account.permissions.map((id) => ({ funcscope_category: { id } })),
    };
  };
  app.post('/cgi-bin/component/api_component_token', (req, res) => {
    const b = req.body as Record<string, unknown>;
    if (b.component_appid !== component.appId || b.component_appsecret !== component.secret)
      return void res.json(fail(40013, 'invalid appid or secret'));
    if (b.component_verify_ticket !== fake.ticket || fake.ticket === '') return void res.json(fail(61006, 'component ticket is invalid'));
    const token = next('componenttoken-');
    componentTokens.set(token, now() + fake.expiresIn * 1000);
    res.json({ component_access_token: token, expires_in: fake.expiresIn });
  });
  app.post('/cgi-bin/component/api_create_preauthcode', (req, res) => {
    if (!componentOk(req.query.component_access_token)) return void res.json(fail(40001, 'invalid credential'));
    const code = next('preauthcode@@@');
    preAuthCodes.add(code);
    res.json({ pre_auth_code: code, expires_in: 1800 });
  });
  app.post('/cgi-bin/component/api_query_auth', (req, res) => {
    if (!componentOk(req.query.component_access_token)) return void res.json(fail(40001, 'invalid credential'));
    const account = codes.get(String((req.body as Record<string, unknown>).authorization_code));
    if (!account) return void res.json(fail(61010, 'code is expired'));
    codes.delete(String((req.body as Record<string, unknown>).authorization_code));
    const entry = {
      account,
      accessToken: next('authorizertoken-'),
      refreshToken: next('refreshtoken@@@'),
      expiresAt: now() + fake.expiresIn * 1000,
    };
    accounts.set(account.appId, entry);
    res.json({ authorization_info: authorizer(account.appId, entry.accessToken, entry.refreshToken) });
  });
  app.post('/cgi-bin/component/api_authorizer_token', (req, res) => {
    if (!componentOk(req.query.component_access_token)) return void res.json(fail(40001, 'invalid credential'));
    const b = req.body as Record<string, unknown>;
    const entry = accounts.get(String(b.authorizer_appid));
    if (!entry || entry.refreshToken !== b.authorizer_refresh_token) return void res.json(fail(61023, 'refresh_token is invalid'));
    Object.assign(entry, {
      accessToken: next('authorizertoken-'),
      refreshToken: next('refreshtoken@@@'),
      expiresAt: now() + fake.expiresIn * 1000,
    });
    res.json(authorizer(entry.account.appId, entry.accessToken, entry.refreshToken));
  });
  app.post('/cgi-bin/component/api_get_authorizer_info', (req, res) => {
    if (!componentOk(req.query.component_access_token)) return void res.json(fail(40001, 'invalid credential'));
    const entry = accounts.get(String((req.body as Record<string, unknown>).authorizer_appid));
    if (!entry) return void res.json(fail(61003, 'component is not authorized by this account'));
    const a = entry.account;
    res.json({
      authorizer_info: { nick_name: a.name, user_name: a.originalId, ...(a.kind === 'miniprogram' && { MiniProgramInfo: {} }) },
      authorization_info: { authorizer_appid: a.appId, func_info: a.permissions.map((id) => ({ funcscope_category: { id } })) },
    });
  });
  app.post('/cgi-bin/message/custom/send', (req, res) => {
    const entry = [...accounts.values()].find((e) => e.accessToken === req.query.access_token);
    if (!entry) return void res.json(fail(40001, 'invalid credential'));
    if (now() >= entry.expiresAt) return void res.json(fail(42001, 'access_token expired'));
    fake.sent.push({ appId: entry.account.appId, body: req.body as Record<string, unknown> });
    res.json({ errcode: 0, errmsg: 'ok' });
  });
  app.post('/cgi-bin/message/custom/typing', (_req, res) => void res.json({ errcode: 0, errmsg: 'ok' }));
  app.get('/sns/component/jscode2session', (req, res) => {
    if (!componentOk(req.query.component_access_token) || req.query.component_appid !== component.appId)
      return void res.json(fail(40001, 'invalid credential'));
    res.json({ openid: `o-${String(req.query.js_code)}`, session_key: 'c2Vzc2lvbmtleQ==' });
  });
  app.use((_req, res) => void res.json(fail(40001, 'not served by the fake open platform')));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
