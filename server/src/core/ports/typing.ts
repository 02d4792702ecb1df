// Port: WeChat's typing indicator for one customer (adapter: compose.ts over wechat/outbound/typing.ts).
// Never called inside a unit of work: it is a network call.
import type { TypingCommand } from '../typing/typing-rule';

export interface TypingSender {
  /** Rejects with WeChat's refusal (45080, 45081…) or a network error. */
  setTyping(channelId: string, openid: string, command: TypingCommand): Promise<void>;
}
