// Port: what WeChat pushed about a customer, as stored on arrival. The inbox keeps every push (messages,
// events, unknown pushes); messages also become conversation messages, while events and unknown pushes
// are audited only through this log.
import type { InboundMessage } from '../inbound-message';

export interface LoggedPush {
  /** Increasing in arrival order; the cursor of the next page. */
  id: number;
  receivedAt: number;
  message: InboundMessage;
}

export interface PushLogPage {
  /** Only pushes that arrived before the push with this id (the previous page's last). */
  before?: number | undefined;
  limit: number;
}

export interface PushLog {
  /** The events and unknown pushes `openid` caused on the channel (not their messages), newest first. */
  customerEvents(channelId: string, openid: string, page: PushLogPage): Promise<LoggedPush[]>;
}
