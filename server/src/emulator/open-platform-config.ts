// The emulator's open-platform (第三方平台) registration: what a platform operator fills in on
// open.weixin.qq.com (开发资料): component AppID and AppSecret, the message check Token and
// EncodingAESKey, the 授权事件接收URL (component_verify_ticket and authorization events) and the
// 消息与事件接收URL, which carries the `$APPID$` placeholder WeChat replaces with the authorizer's AppID.
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/operation/thirdparty/prepare.html
// Optional: the 授权发起页域名 (redirect_uri must be on it) and the IP whitelist of api_component_token (61004).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EmulatorAdminError } from './errors';

export const openPlatformSchema = z.strictObject({
  componentAppId: z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/, 'a component AppID looks like wx followed by letters and digits'),
  componentAppSecret: z.string().min(8).max(64),
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'the Token is 3 to 32 letters and digits'),
  encodingAesKey: z.string().regex(/^[A-Za-z0-9]{43}$/, 'the EncodingAESKey is 43 letters and digits'),
  authEventUrl: z.url(),
  messageUrl: z.url().refine((u) => u.includes('$APPID$'), { message: 'the message URL carries the $APPID$ placeholder' }),
  /** 授权发起页域名: when set, redirect_uri's host must be it (WeChat refuses the page otherwise). */
  redirectDomain: z.string().min(1).optional(),
  /** Caller IPs allowed to call api_component_token; absent = any (61004 otherwise). */
  ipWhitelist: z.array(z.string().min(1)).optional(),
});

export type OpenPlatformConfig = z.infer<typeof openPlatformSchema>;

export function parseOpenPlatform(input: unknown): OpenPlatformConfig {
  const parsed = openPlatformSchema.safeParse(input);
  if (!parsed.success) throw new EmulatorAdminError(400, `invalid open platform: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** What the admin API may show: no AppSecret, Token or AES key. */
export function openPlatformView(c: OpenPlatformConfig) {
  const { componentAppSecret: _s, token: _t, encodingAesKey: _k, ...rest } = c;
  return rest;
}

/**
 * Permission sets (权限集, func_info ids) the authorization page offers, per kind of account, all ticked by
 * default; the admin may untick any. Ids from the official lists
 * https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/product/offical_account_authority.html
 * https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/product/miniprogram_authority.html
 */
export const FUNC_SETS = {
  official_account: [
    { id: 1, name: '消息管理权限 Message management' },
    { id: 2, name: '用户管理权限 User management' },
    { id: 3, name: '帐号服务权限 Account services' },
    { id: 4, name: '网页服务权限 Web page services' },
    { id: 6, name: '微信多客服权限 Multi-customer service' },
    { id: 11, name: '素材管理权限 Media management' },
    { id: 15, name: '自定义菜单权限 Custom menu' },
  ],
  miniprogram: [
    { id: 17, name: '获取小程序码 Mini program codes' },
    { id: 18, name: '小程序开发与数据分析 Development and analytics' },
    { id: 19, name: '小程序客服管理 Customer service messages' },
    { id: 25, name: '开放平台账号管理 Open platform account' },
    { id: 30, name: '小程序基本信息管理 Basic information' },
  ],
} as const;

/**
 * The permission set an authorizer_access_token needs per API group (61007 without it): customer-service
 * messages and typing are 消息管理 (1) for an official account and 小程序客服管理 (19) for a mini program;
 * temporary media are 素材管理 (11) for an official account and part of 小程序客服管理 (19) for a mini
 * program (uploadTempMedia is a customer-service API there). The mapping is read from the set descriptions
 * above (UNCONFIRMED per API).
 */
export const REQUIRED_FUNC = {
  message: { official_account: 1, miniprogram: 19 },
  media: { official_account: 11, miniprogram: 19 },
} as const;

export type ApiScope = keyof typeof REQUIRED_FUNC;

/** The `openPlatform` of the emulator's config file ({"apps": [...], "openPlatform": {...}}), if any. */
export function loadOpenPlatformFile(path: string): OpenPlatformConfig | undefined {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { openPlatform?: unknown };
  return raw.openPlatform === undefined ? undefined : parseOpenPlatform(raw.openPlatform);
}
