// When the customer may be shown "对方正在输入…" (WeChat's custom/typing, wechat-protocol.md §4.4
// [MP-TYPING] [OA-TYPING]): only while a send would be allowed, only within 30 s of the customer's last
// message (else 45080), not again while it shows (it lasts 15 s, else 45081); a message sent ends it.
// The product keeps a margin under WeChat's 30 s (clocks differ), and never sends what WeChat would refuse.
import type { WindowStatus } from '../send-window/send-window';

export const TYPING_AFTER_MESSAGE_MS = 30_000;
export const TYPING_SHOWS_MS = 15_000;
/** Our margin under WeChat's 30 s: the push took time to arrive, and the two clocks differ. */
export const TYPING_MARGIN_MS = 2_000;

export type TypingCommand = 'Typing' | 'CancelTyping';
export type TypingSkip = 'window_closed' | 'no_recent_message' | 'already_typing' | 'not_typing';

export interface TypingFacts {
  now: number;
  window: WindowStatus;
  lastCustomerMessageAt?: number | undefined;
  lastAgentMessageAt?: number | undefined;
  /** When this conversation's last Typing was sent (undefined: none, or it was cancelled). */
  typingSentAt?: number | undefined;
}

/** Whether "typing" still shows: sent less than 15 s ago, and no message sent since. */
export function typingShows(f: TypingFacts): boolean {
  const at = f.typingSentAt;
  if (at === undefined || f.now >= at + TYPING_SHOWS_MS) return false;
  return f.lastAgentMessageAt === undefined || f.lastAgentMessageAt < at;
}

export function decideTyping(typing: boolean, f: TypingFacts): { send: TypingCommand } | { skip: TypingSkip } {
  if (!f.window.open) return { skip: 'window_closed' };
  const since = f.lastCustomerMessageAt === undefined ? Infinity : f.now - f.lastCustomerMessageAt;
  if (since > TYPING_AFTER_MESSAGE_MS - TYPING_MARGIN_MS) return { skip: 'no_recent_message' };
  const shows = typingShows(f);
  if (typing) return shows ? { skip: 'already_typing' } : { send: 'Typing' };
  return shows ? { send: 'CancelTyping' } : { skip: 'not_typing' };
}
