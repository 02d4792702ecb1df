// A customer: one WeChat user (openid) of one channel, with what the session-from told us about them.
import type { TransferAction } from '../../../../shared/src/index';
import type { SendWindow } from '../send-window/send-window';
import type { CsatAwaited } from './csat';

/**
 * The routing context of the customer's latest `user_enter_tempsession`, already resolved against our
 * data: `merchantId` is set only for a merchant we know, `groupId` only for a group of that merchant.
 */
export interface SessionContext {
  enteredAt: number;
  /** Undefined: the platform's own team (no platform_action, or an unknown customerCode). */
  merchantId?: string;
  /** The customerCode as sent, kept even when unknown (for the admin to see what was asked). */
  customerCode?: string;
  /** platform_action.flowGroupId, when it names a group of `merchantId`. */
  groupId?: string;
  transferAction?: TransferAction[];
  robotId?: string;
}

export interface Customer {
  id: string;
  channelId: string;
  openid: string;
  /** The plain UnionID (the session-from carries it encrypted; the caller decrypts). */
  unionId?: string;
  /** How we know `unionId`; absent with a UnionID: `claimed` (records from before sources were kept). */
  unionIdSource?: UnionIdSource;
  nickname?: string;
  avatarUrl?: string;
  params: Record<string, string>;
  customFields: Record<string, string>;
  partnerId?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** WeChat's send window for this customer; undefined until a qualifying action. */
  sendWindow?: SendWindow;
  session?: SessionContext;
  /**
   * Whose messages last reached the customer's one WeChat chat: a merchant id, or '' for the platform's
   * own team. A change is what the shop announcement (app/support/shop-announcement.ts) reacts to.
   */
  speakingFor?: string;
  /** An ended conversation waits for this customer's rating (or, once rated, the comment after it). */
  csatAwaited?: CsatAwaited;
}

/**
 * `verified`: the server learned the UnionID from WeChat itself (the kit's wx.login exchange, an official
 * account's user info). `claimed`: it only arrived in a session-from, which anyone holding the channel's
 * UnionID key can write. Whatever links customers across channels must trust only `verified`.
 */
export type UnionIdSource = 'verified' | 'claimed';

export const unionIdSourceOf = (c: Customer): UnionIdSource | undefined =>
  c.unionId === undefined ? undefined : (c.unionIdSource ?? 'claimed');

/** A verified UnionID replaces whatever we had; a claimed one never replaces a verified one. */
export function withUnionId(c: Customer, unionId: string, source: UnionIdSource): Customer {
  if (source === 'claimed' && unionIdSourceOf(c) === 'verified') return c;
  return { ...c, unionId, unionIdSource: source };
}
