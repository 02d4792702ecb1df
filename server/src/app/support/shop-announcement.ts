// Merchants on one platform mini program: WeChat has one chat per customer, but a platform mini
// program's customer can hold conversations with several merchants at once. So the customer is told which shop is answering: the
// first message to reach them from a merchant's conversation, after messages from another conversation's
// shop (or the platform's own team), names the shop. Which conversation the customer's own messages go to
// is decided in support/record-customer-message.ts (the latest user_enter_tempsession decides).
import { renderText } from '../../core/conversation/render-text';
import { isOpen, type Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { MessageContent } from '../../core/model/message';
import type { RoutingSettings } from '../../core/model/routing-settings';
import type { Work } from './engine-deps';

export interface Announced {
  content: MessageContent;
  /** The customer's `speakingFor` after this message; unchanged when the announcement still has to go out. */
  speakingFor: string | undefined;
}

/**
 * The content to send, with the shop's name in front when the shop behind the chat changes. The first
 * contact is not announced (nothing to tell apart), nor a channel without merchants (no merchant ever
 * speaks), nor ended conversations (records such as a WeChat agent's own conversation). The name rides on a text, costing
 * no send of WeChat's window; a non-text message leaves the announcement to the next text.
 */
export async function withShopAnnouncement(
  w: Work,
  customer: Customer,
  c: Conversation,
  content: MessageContent,
  settings: RoutingSettings,
): Promise<Announced> {
  if (!isOpen(c)) return { content, speakingFor: customer.speakingFor };
  const speaker = c.merchantId ?? '';
  const switched = customer.speakingFor !== undefined && customer.speakingFor !== speaker;
  if (!switched || c.merchantId === undefined) return { content, speakingFor: speaker };
  const merchant = await w.tx.merchants.get(c.merchantId);
  if (!merchant) return { content, speakingFor: speaker };
  if (content.type !== 'text') return { content, speakingFor: customer.speakingFor };
  const announcement = renderText(settings.messages.merchantAnnouncement, { merchant: merchant.name });
  return { content: { type: 'text', text: `${announcement}\n${content.text}` }, speakingFor: speaker };
}
