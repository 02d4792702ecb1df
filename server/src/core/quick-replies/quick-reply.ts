// Quick replies (快捷回复): texts an agent sends often, with an optional picture or mini program card.
// Personal ones belong to one agent; team ones to a channel's merchant (or the platform's own team) and
// are managed by its admins. Placeholders ([name], [id], {br}) are filled at send time, as in the
// knowledge base (core/placeholders.ts), so one reply serves every customer.
import { fillPlaceholders, type Recipient } from '../placeholders';

export const QUICK_REPLY_TITLE_MAX = 64;
export const QUICK_REPLY_TEXT_MAX = 2000;

export interface QuickReplyCard {
  title: string;
  pagePath: string;
  /** `media:<id>`: the card's picture, stored with the knowledge base's media. */
  thumbMedia: string;
  /** Official accounts: the mini program's AppID. */
  appId?: string;
}

/** What an agent or admin writes. */
export interface QuickReplyFields {
  title: string;
  /** Sent first; may be empty when the reply is only a picture or a card. */
  text: string;
  /** `media:<id>`: a picture sent after the text. */
  picture?: string;
  card?: QuickReplyCard;
}

/** Whose replies: a team's (no agentId) or one agent's own. */
export interface QuickReplyOwner {
  channelId: string;
  /** Undefined: the platform's own team. */
  merchantId?: string;
  /** Present: the agent's personal replies. */
  agentId?: string;
}

export interface QuickReply extends QuickReplyFields, QuickReplyOwner {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export const isPersonal = (r: QuickReplyOwner): boolean => r.agentId !== undefined;

export const sameOwner = (a: QuickReplyOwner, b: QuickReplyOwner): boolean =>
  a.channelId === b.channelId && (a.merchantId ?? '') === (b.merchantId ?? '') && (a.agentId ?? '') === (b.agentId ?? '');

/** Why these fields cannot be stored, or undefined. */
export function quickReplyProblem(f: QuickReplyFields): string | undefined {
  if (f.title.trim() === '') return 'title: must not be empty';
  if (f.title.length > QUICK_REPLY_TITLE_MAX) return `title: at most ${QUICK_REPLY_TITLE_MAX} characters`;
  if (f.text.length > QUICK_REPLY_TEXT_MAX) return `text: at most ${QUICK_REPLY_TEXT_MAX} characters`;
  if (f.picture !== undefined && f.card !== undefined) return 'give a picture or a card, not both';
  if (f.text.trim() === '' && f.picture === undefined && f.card === undefined) return 'text: give a text, a picture or a card';
  return undefined;
}

/** The reply as the customer receives it: its text filled for them, then its picture or card. */
export interface RenderedQuickReply {
  text?: string;
  picture?: string;
  card?: QuickReplyCard;
}

export function renderQuickReply(r: QuickReplyFields, who: Recipient): RenderedQuickReply {
  const text = fillPlaceholders(r.text, who);
  return {
    ...(text.trim() !== '' && { text }),
    ...(r.picture !== undefined && { picture: r.picture }),
    ...(r.card !== undefined && { card: { ...r.card, title: fillPlaceholders(r.card.title, who) } }),
  };
}

/** Title order (then id), the order lists and exports use. */
export function byTitle(a: QuickReply, b: QuickReply): number {
  return a.title.localeCompare(b.title, 'zh-Hans-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Which reply `/q <key>` or the composer's filter names among `list` (in list order): a number picks the
 * nth (from 1), else an exact title, else the only title that contains the key.
 */
export function pickQuickReply(list: readonly QuickReply[], key: string): QuickReply | undefined {
  const k = key.trim();
  if (/^\d+$/.test(k)) return list[Number(k) - 1];
  const exact = list.find((r) => r.title === k);
  if (exact) return exact;
  const folded = k.toLowerCase();
  const partial = list.filter((r) => r.title.toLowerCase().includes(folded));
  return partial.length === 1 ? partial[0] : undefined;
}
