// Satisfaction (CSAT) inside WeChat, the pure part: whether an ended conversation asks for a rating, and
// what of a customer's reply is a rating. A reply rates when it starts with one digit 1-5 (full-width
// too), optionally followed by 分/星 and then a comment after a space or punctuation ("5", "4分",
// "5 很满意", "3，物流太慢"); "12", "1个订单" or "2号发货了吗" are not ratings and go their usual way.
import type { Conversation } from '../model/conversation';
import type { CsatAwaited, CsatRating } from '../model/csat';
import type { CsatMode } from '../model/routing-settings';

/** How long after the request a reply still rates (WeChat's window for the request is 48 h; a day is plenty). */
export const CSAT_RATING_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long after a rating without a comment the next text is taken as its comment. */
export const CSAT_COMMENT_WINDOW_MS = 10 * 60 * 1000;
export const CSAT_COMMENT_MAX = 500;

const RATING = /^([1-5])\s*(?:分|星|颗星)?(?:$|[\s,，.。:：;；!！、~～-]+([\s\S]*)$)/;

const halfWidth = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function parseRating(text: string): { rating: CsatRating; comment?: string } | undefined {
  const m = RATING.exec(halfWidth(text.trim()));
  if (!m) return undefined;
  const comment = m[2]?.trim().slice(0, CSAT_COMMENT_MAX);
  return { rating: Number(m[1]) as CsatRating, ...(comment && { comment }) };
}

/** `after_agent`: only conversations a person answered (the robot's alone are not rated). */
export function wantsRating(mode: CsatMode, c: Conversation): boolean {
  if (mode === 'off' || c.csat !== undefined) return false;
  if (mode === 'after_agent') return c.firstAgentResponseAt !== undefined || c.lastAgentMessageAt !== undefined;
  return c.lastCustomerMessageAt !== undefined;
}

/** The customer's awaited rating, if still in time. */
export function awaitedNow(a: CsatAwaited | undefined, now: number): CsatAwaited | undefined {
  return a !== undefined && now <= a.until ? a : undefined;
}
