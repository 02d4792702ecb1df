// Story: the sender reports what WeChat did with an outgoing message. The agent sees every outcome live
// (a success marks the message sent without the workbench polling for it); a
// 45015 / 45047 teaches the customer's window what WeChat knows, and a send that never reached WeChat's
// quota gives its slot back.
import { EngineError } from '../core/errors';
import type { Delivery } from '../core/model/message';
import { applyWeChatRefusal, returnSend } from '../core/send-window/send-window';
import { inUnit, type EngineDeps } from './support/engine-deps';
import { scopeOf } from './support/send-to-customer';

export type DeliveryOutcome = { status: 'sent' } | { status: 'failed'; reason: string; wechatCode?: number };

/** Idempotent: a message already marked sent or failed keeps its first outcome. */
export function recordDelivery(deps: EngineDeps, input: { messageId: string; outcome: DeliveryOutcome }): Promise<Delivery> {
  return inUnit(deps, async (w) => {
    const message = await w.tx.messages.get(input.messageId);
    if (!message || message.direction !== 'out') throw new EngineError('not_found', `outgoing message ${input.messageId} not found`);
    if (message.delivery && message.delivery.status !== 'pending') return message.delivery;
    const { outcome } = input;
    const delivery: Delivery =
      outcome.status === 'sent'
        ? { status: 'sent', at: w.now }
        : {
            status: 'failed',
            at: w.now,
            reason: outcome.reason,
            ...(outcome.wechatCode !== undefined && { wechatCode: outcome.wechatCode }),
          };
    await w.tx.messages.setDelivery(message.id, delivery);
    const conversation = await w.tx.conversations.get(message.conversationId);
    const agentId = message.sender.kind === 'agent' ? message.sender.agentId : conversation?.agentId;
    const about = {
      ...scopeOf(conversation ?? message),
      conversationId: message.conversationId,
      messageId: message.id,
      ...(agentId !== undefined && { agentId }),
    };
    if (outcome.status === 'failed') {
      const customer = await w.tx.customers.get(message.customerId);
      const code = outcome.wechatCode ?? 0;
      const window =
        code === 45015 || code === 45047 ? applyWeChatRefusal(customer?.sendWindow, code, w.now) : returnSend(customer?.sendWindow, w.now);
      if (customer) await w.tx.customers.save({ ...customer, ...(window && { sendWindow: window }) });
      w.notices.push({ type: 'delivery_failed', ...about, reason: outcome.reason });
    } else {
      w.notices.push({ type: 'message_delivered', ...about, at: w.now });
    }
    return delivery;
  });
}
