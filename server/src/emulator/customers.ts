// The users of each emulated app: who exists (unknown openid → 40003), their UnionID, their send
// window, when they last interacted and last wrote a message (typing needs one within 30 s: WeChat's
// 45080 says 需要之前30秒内跟用户有过消息交互, a message exchange; entering the chat or a menu click is
// not one, so the emulator holds to the stricter reading) and whether "typing" is showing.
import type { ChannelKind } from '../core/channel';
import { EmulatorApiError } from './errors';
import { newOpenId, randomId, type RandomBytes } from './random';
import { consume, openWindow, type SendWindow, type UserAction } from './window-rules';

export const TYPING_INTERACTION_MS = 30_000;
export const TYPING_DURATION_MS = 15_000;

export interface Customer {
  appId: string;
  openId: string;
  /** null: the app is not bound to an open platform account, so WeChat has no UnionID for the user. */
  unionId: string | null;
  subscribed: boolean;
  window?: SendWindow;
  lastInteractionAt?: number;
  /** The user's last message (text, picture, voice…), which typing needs within 30 s. */
  lastMessageAt?: number;
  typingUntil?: number;
}

export class CustomerRegistry {
  private readonly customers = new Map<string, Customer>();

  constructor(private readonly random: RandomBytes) {}

  /** Finds or creates a user of `appId`; a new one gets a fresh openid (and UnionID) when none is given. */
  ensure(appId: string, openId?: string, unionId?: string | null): Customer {
    const id = openId ?? newOpenId(this.random);
    const key = `${appId}\n${id}`;
    let c = this.customers.get(key);
    if (!c) {
      c = { appId, openId: id, unionId: unionId === undefined ? `oU${randomId(this.random, 20)}` : unionId, subscribed: true };
      this.customers.set(key, c);
    } else if (unionId !== undefined) {
      c.unionId = unionId;
    }
    return c;
  }

  /** The user a send or typing call names, or 40003 as WeChat answers for an unknown or foreign openid. */
  get(appId: string, openId: unknown): Customer {
    const c = typeof openId === 'string' ? this.customers.get(`${appId}\n${openId}`) : undefined;
    if (!c) throw new EmulatorApiError(40003);
    return c;
  }

  list(appId?: string): Customer[] {
    return [...this.customers.values()].filter((c) => appId === undefined || c.appId === appId);
  }

  /** Records what the user did: it counts as an interaction and may open or reset the window. */
  recordAction(c: Customer, kind: ChannelKind, action: UserAction | 'unsubscribe' | 'other', now: number): void {
    c.lastInteractionAt = now;
    if (action === 'message') c.lastMessageAt = now;
    if (action === 'unsubscribe') {
      c.subscribed = false;
      c.window = undefined;
      return;
    }
    if (action === 'subscribe') c.subscribed = true;
    if (action !== 'other') c.window = openWindow(kind, action, c.window, now);
  }

  /** Uses one message of the window (45015 / 45047 otherwise); a sent message ends "typing". */
  consumeSend(c: Customer, now: number): void {
    const next = consume(c.subscribed ? c.window : undefined, now);
    if (typeof next === 'number') throw new EmulatorApiError(next);
    c.window = next;
    c.typingUntil = undefined;
  }

  /** Typing rules (wechat-protocol.md §4.4): bad command 45072, window closed 45015, no message in 30 s 45080, already typing 45081. */
  typing(c: Customer, command: unknown, now: number): void {
    if (command !== 'Typing' && command !== 'CancelTyping') throw new EmulatorApiError(45072);
    const w = consume(c.subscribed ? c.window : undefined, now);
    if (typeof w === 'number') throw new EmulatorApiError(w);
    if (c.lastMessageAt === undefined || now - c.lastMessageAt > TYPING_INTERACTION_MS) throw new EmulatorApiError(45080);
    if (command === 'CancelTyping') {
      c.typingUntil = undefined;
      return;
    }
    if (c.typingUntil !== undefined && now < c.typingUntil) throw new EmulatorApiError(45081);
    c.typingUntil = now + TYPING_DURATION_MS;
  }
}
