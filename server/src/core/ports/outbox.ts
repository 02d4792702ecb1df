// Port: outgoing messages wait here until the sender (outside core) delivers them to WeChat. Enqueued in
// the same unit of work as the message record, so a committed reply is never lost; the sender reports
// back through the record-delivery use case.
import type { MessageContent } from '../model/message';

export interface OutboxItem {
  id: string;
  channelId: string;
  /** The outbound Message this delivers; its delivery status is what the agent sees. */
  messageId: string;
  conversationId: string;
  /** The customer's openid. */
  toOpenid: string;
  content: MessageContent;
  createdAt: number;
}

export interface Outbox {
  enqueue(item: OutboxItem): Promise<void>;
}
