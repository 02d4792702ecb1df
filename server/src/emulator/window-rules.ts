// Who may be messaged, how often, and for how long after a user action (wechat-protocol.md §4.6):
// mini programs [MP-SEND-RULES], official accounts since 2023-06-12 [OA-KF]. Quotas do not add up:
// a new qualifying action resets the count to the larger of its quota and what is left, and the
// window to the later end. Payment success gives unlimited messages for 48 h.
import type { ChannelKind } from '../core/channel';

export type UserAction = 'message' | 'enter_session' | 'menu_click' | 'subscribe' | 'scan' | 'payment';

export interface WindowRule {
  quota: number;
  windowMs: number;
}

const H = 3600_000;
const MIN = 60_000;

const rules: Record<ChannelKind, Partial<Record<UserAction, WindowRule>>> = {
  miniprogram: {
    message: { quota: 5, windowMs: 48 * H },
    enter_session: { quota: 2, windowMs: MIN },
  },
  official_account: {
    message: { quota: 5, windowMs: 48 * H },
    menu_click: { quota: 3, windowMs: MIN },
    subscribe: { quota: 3, windowMs: MIN },
    scan: { quota: 3, windowMs: MIN },
    payment: { quota: Infinity, windowMs: 48 * H },
  },
};

export function ruleFor(kind: ChannelKind, action: UserAction): WindowRule | undefined {
  return rules[kind][action];
}

export interface SendWindow {
  remaining: number;
  expiresAt: number;
}

/** The window after `action`; undefined when the action opens nothing for this kind of app. */
export function openWindow(kind: ChannelKind, action: UserAction, current: SendWindow | undefined, now: number): SendWindow | undefined {
  const rule = ruleFor(kind, action);
  if (!rule) return current;
  const open = current && now < current.expiresAt ? current : undefined;
  return {
    remaining: Math.max(rule.quota, open?.remaining ?? 0),
    expiresAt: Math.max(now + rule.windowMs, open?.expiresAt ?? 0),
  };
}

/** 45015 when closed, 45047 when used up, else the window with one message less. */
export function consume(current: SendWindow | undefined, now: number): SendWindow | 45015 | 45047 {
  if (!current || now >= current.expiresAt) return 45015;
  if (current.remaining <= 0) return 45047;
  return { ...current, remaining: current.remaining - 1 };
}
