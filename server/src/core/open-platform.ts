// The WeChat open platform (第三方平台): our platform's own settings, the accounts that authorized it
// ("扫码授权"), and what each permission set (func_info id) is for. Rules in
// shared/docs/wechat-protocol.md §9; permission names from WeChat's permission-set pages
// (doc/oplatform/Third-party_Platforms/2.0/product/offical_account_authority.html and
// miniprogram_authority.html, ids as the community lists them).
import type { ChannelConfig, ChannelKind } from './channel';

/** The platform as configured once by the operator; the secrets are sealed at rest and never answered. */
export interface PlatformSettings {
  /** The component AppID: receiveId of every push the platform gets, `component_appid` of every call. */
  componentAppId: string;
  /** The component AppSecret; a secret. */
  appSecret: string;
  /** The 消息校验Token of the platform; a secret. */
  token: string;
  /** The 消息加解密Key (43 characters); a secret. */
  encodingAesKey: string;
  updatedAt: number;
}

/** The latest component_verify_ticket WeChat pushed (every 10 minutes; valid 12 hours); a secret. */
export interface VerifyTicket {
  ticket: string;
  /** When it arrived (server clock, epoch ms). */
  receivedAt: number;
  /**
   * When WeChat sent it (the push's signed `timestamp`, epoch ms): a push older than the ticket kept is a
   * replay and is not kept.
   */
  pushedAt: number;
}

/** WeChat keeps a ticket valid this long after pushing it. */
export const VERIFY_TICKET_LIFETIME_MS = 12 * 3600_000;

export type AuthorizationState = 'authorized' | 'revoked';

/** One account that authorized our platform, and the channel it became. */
export interface Authorization {
  /** The authorizer's AppID (also the channel's AppID). */
  appId: string;
  channelId: string;
  componentAppId: string;
  kind: ChannelKind;
  state: AuthorizationState;
  /** The func_info ids granted, ascending. */
  permissions: number[];
  /** The authorizer_refresh_token; a secret. Only re-authorization recovers a lost one. */
  refreshToken: string;
  authorizedAt: number;
  updatedAt: number;
  /** When the account revoked the authorization (`unauthorized`); absent while authorized. */
  revokedAt?: number;
  /**
   * The auth_code that made or last changed it. Spent (single use): kept so that the second of WeChat's
   * two notices of one authorization (the redirect and the `authorized` event) finds it done.
   */
  lastAuthCode?: string;
}

/** The permission sets we know by id: the name WeChat's console shows. */
export const PERMISSION_NAMES: Readonly<Record<number, string>> = {
  1: '消息管理权限',
  2: '用户管理权限',
  3: '帐号服务权限',
  4: '网页服务权限',
  6: '微信多客服权限',
  7: '群发与通知权限',
  11: '素材管理权限',
  15: '自定义菜单权限',
  17: '帐号管理权限(小程序)',
  18: '开发管理与数据分析权限(小程序)',
  19: '客服消息管理权限(小程序)',
  24: '开放平台帐号管理权限',
  25: '开放平台帐号管理权限(小程序)',
  30: '小程序基本信息设置权限',
  31: '小程序认证权限',
  54: '服务号对话能力权限',
};

export interface NeededPermission {
  id: number;
  name: string;
  /** What does not work without it, in English (the console translates). */
  breaks: string;
}

/** What customer service needs of each kind of account, and what breaks without it. */
export const NEEDED_PERMISSIONS: Readonly<Record<ChannelKind, readonly NeededPermission[]>> = {
  official_account: [
    { id: 1, name: PERMISSION_NAMES[1]!, breaks: 'customers’ messages do not arrive and replies cannot be sent (message management)' },
    { id: 11, name: PERMISSION_NAMES[11]!, breaks: 'pictures and files cannot be sent (temporary media upload)' },
  ],
  miniprogram: [
    { id: 19, name: PERMISSION_NAMES[19]!, breaks: 'customers’ messages do not arrive; replies, pictures and typing cannot be sent' },
    { id: 18, name: PERMISSION_NAMES[18]!, breaks: 'the contact kit’s login (verified UnionID) fails' },
  ],
};

/** The needed permissions an authorization lacks. */
export function missingPermissions(kind: ChannelKind, granted: readonly number[]): NeededPermission[] {
  return NEEDED_PERMISSIONS[kind].filter((p) => !granted.includes(p.id));
}

/** auth_type of the authorization page: 1 official accounts, 2 mini programs, 3 both. */
export type AuthorizationTarget = 'official_account' | 'miniprogram' | 'both';

export const AUTH_TYPE: Readonly<Record<AuthorizationTarget, 1 | 2 | 3>> = { official_account: 1, miniprogram: 2, both: 3 };

/**
 * How an authorized account's pushes are verified: its channel, with the platform's Token and key, secure
 * mode, XML, and receiveId = the component AppID (also the receiveId an encrypted passive reply is sealed
 * for). The channel's own push settings (and any grace period of theirs) play no part.
 */
export function authorizedPushConfig(channel: ChannelConfig, platform: PlatformSettings): ChannelConfig {
  const { previous: _own, ...rest } = channel;
  return {
    ...rest,
    appId: platform.componentAppId,
    token: platform.token,
    encodingAesKey: platform.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  };
}
