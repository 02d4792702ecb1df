// WeChat's customer-service send window, tracked per customer so a send the window forbids is refused
// here with a clear reason instead of failing at WeChat (wechat-protocol.md §4.6). Mini programs
// [MP-SEND-RULES]: a user message allows 5 sends within 48 h, entering the session 2 within 1 minute.
// Official accounts [OA-KF]: a user message 5 / 48 h; menu click, subscribe, scan 3 / 1 minute; payment
// unlimited / 48 h. Quotas do not add up: a new action leaves the larger count and the later deadline.
// The count follows what WeChat accepted: a queued send holds a slot (`pending`) until WeChat accepts it
// (then it is spent) or the send fails (then it is given back), so WeChat's own count is always
// `remaining + pending` — also when the customer writes again while a send is still queued.
// An `unsubscribe` closes the window at once; a new `subscribe` opens a fresh one, as WeChat does.
import type { ChannelKind } from '../channel';

export type CustomerAction = 'message' | 'enter_session' | 'menu_click' | 'subscribe' | 'scan' | 'payment' | 'unsubscribe';

export interface SendWindow {
  /** Sends left for new messages; UNLIMITED_SENDS after a payment (official accounts). An integer, so any store keeps it. */
  remaining: number;
  /** Milliseconds since the epoch; no send at or after it. */
  expiresAt: number;
  /** Sends queued and not yet accepted by WeChat (their slots are held, not spent); absent when none. */
  pending?: number;
  /** The customer unsubscribed (official accounts): nothing more can be sent until they subscribe again. */
  unsubscribedAt?: number;
}

interface Grant {
  quota: number;
  windowMs: number;
}

/** Stands for "no limit" (payment success); a plain integer rather than Infinity, which JSON and SQL lose. */
export const UNLIMITED_SENDS = Number.MAX_SAFE_INTEGER;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const GRANTS: Record<ChannelKind, Partial<Record<CustomerAction, Grant>>> = {
  miniprogram: {
    message: { quota: 5, windowMs: 48 * HOUR },
    enter_session: { quota: 2, windowMs: MINUTE },
  },
  official_account: {
    message: { quota: 5, windowMs: 48 * HOUR },
    menu_click: { quota: 3, windowMs: MINUTE },
    subscribe: { quota: 3, windowMs: MINUTE },
    scan: { quota: 3, windowMs: MINUTE },
    payment: { quota: UNLIMITED_SENDS, windowMs: 48 * HOUR },
  },
};

/** The window after the customer's `action`; unchanged when the action grants nothing on this kind of app. */
export function grantWindow(
  kind: ChannelKind,
  action: CustomerAction,
  current: SendWindow | undefined,
  now: number,
): SendWindow | undefined {
  if (action === 'unsubscribe') return closedByUnsubscribe(current, now);
  const grant = GRANTS[kind][action];
  if (!grant) return current;
  const open = current && now < current.expiresAt && current.unsubscribedAt === undefined ? current : undefined;
  const held = current?.pending ?? 0;
  // WeChat's count is what is left plus what is queued; the grant raises WeChat's count, the queue still holds its part.
  const wechatLeft = Math.max(grant.quota, (open?.remaining ?? 0) + (open ? held : 0));
  return withPending(
    {
      remaining: Math.max(0, Math.min(UNLIMITED_SENDS, wechatLeft) - held),
      expiresAt: Math.max(now + grant.windowMs, open?.expiresAt ?? 0),
    },
    held,
  );
}

/** WeChat refuses every send to a user who unsubscribed (45015) until they subscribe again. */
function closedByUnsubscribe(current: SendWindow | undefined, now: number): SendWindow {
  return withPending({ remaining: 0, expiresAt: Math.min(current?.expiresAt ?? now, now), unsubscribedAt: now }, current?.pending ?? 0);
}

function withPending(window: SendWindow, pending: number): SendWindow {
  const { pending: _old, ...rest } = window;
  return pending > 0 ? { ...rest, pending } : rest;
}

export type WindowStatus =
  | { open: true; remaining: number; expiresAt: number }
  | { open: false; reason: SendRefusalReason; remaining: 0; expiresAt?: number };

export type SendRefusalReason = 'window_closed' | 'quota_used_up';

/** What an agent sees before writing. */
export function windowStatus(window: SendWindow | undefined, now: number): WindowStatus {
  if (!window || now >= window.expiresAt) return { open: false, reason: 'window_closed', remaining: 0, expiresAt: window?.expiresAt };
  if (window.remaining <= 0) return { open: false, reason: 'quota_used_up', remaining: 0, expiresAt: window.expiresAt };
  return { open: true, remaining: window.remaining, expiresAt: window.expiresAt };
}

export interface SendRefusal {
  reason: SendRefusalReason;
  /** For the agent, in English; the workbench may translate by `reason`. */
  explanation: string;
  /** The WeChat error the send would have met. */
  wechatCode: 45015 | 45047;
}

export const REFUSALS: Record<SendRefusalReason, SendRefusal> = {
  window_closed: {
    reason: 'window_closed',
    explanation: 'The customer has not written within WeChat’s reply window; they can be answered again after their next message.',
    wechatCode: 45015,
  },
  quota_used_up: {
    reason: 'quota_used_up',
    explanation: 'WeChat’s reply limit for this customer is used up; they can be answered again after their next message.',
    wechatCode: 45047,
  },
};

/**
 * Takes one send out of the window, or refuses. `keep` sends must stay available afterwards: courtesy
 * notices pass the number reserved for agents so they never eat the agent's last replies.
 */
export function consumeSend(window: SendWindow | undefined, now: number, keep = 0): { window: SendWindow } | { refusal: SendRefusal } {
  const status = windowStatus(window, now);
  if (!status.open) return { refusal: REFUSALS[status.reason] };
  if (status.remaining - 1 < keep) return { refusal: REFUSALS.quota_used_up };
  const held = window?.pending ?? 0;
  return { window: withPending({ remaining: status.remaining - 1, expiresAt: status.expiresAt }, held + 1) };
}

/** WeChat accepted a queued send (an in-doubt send that may have arrived counts here too, once): its slot is spent. */
export function acceptSend(window: SendWindow | undefined): SendWindow | undefined {
  return window && withPending(window, Math.max(0, (window.pending ?? 0) - 1));
}

/**
 * How many sends a notice must leave for agents. In a one-minute window (entering a mini program's chat
 * grants 2, a menu click 3) the whole reserve would silence the greeting the customer entered for; there
 * the notices keep one send for the agent, and the customer's next message opens the 48-hour window.
 */
export function sendsKeptFromNotices(window: SendWindow | undefined, now: number, reserved: number): number {
  const short = window !== undefined && window.expiresAt - now <= MINUTE;
  return short ? Math.min(reserved, 1) : reserved;
}

/** WeChat said the window is closed or used up although we counted otherwise: believe WeChat. */
export function applyWeChatRefusal(window: SendWindow | undefined, code: number, now: number): SendWindow | undefined {
  const released = acceptSend(window);
  if (code === 45015)
    return withPending({ ...released, remaining: 0, expiresAt: Math.min(window?.expiresAt ?? now, now) }, released?.pending ?? 0);
  if (code === 45047 && released) return { ...released, remaining: 0 };
  return released;
}

/** A send that failed for another reason never reached the customer: its held slot is given back. */
export function returnSend(window: SendWindow | undefined, now: number): SendWindow | undefined {
  const released = acceptSend(window);
  if (!released || now >= released.expiresAt || released.unsubscribedAt !== undefined) return released;
  return { ...released, remaining: Math.min(UNLIMITED_SENDS, released.remaining + 1) };
}

/** Whether a queued send may still go out: the window has not ended and the customer has not unsubscribed. */
export function windowStillOpen(window: SendWindow | undefined, now: number): boolean {
  return window !== undefined && now < window.expiresAt && window.unsubscribedAt === undefined;
}
