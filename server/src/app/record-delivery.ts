// Story: the sender reports what WeChat did with an outgoing message. The agent sees every outcome live
// (a success marks the message sent without the workbench polling for it). The customer's send count
// follows WeChat: a send WeChat accepted spends the slot it held (once, also when it was in doubt and sent
// again); a 45015 / 45047 teaches the window what WeChat knows; a send that never reached WeChat's quota
// gives its slot back.
import { EngineError } from '../core/errors';
import type { Delivery, DeliveryFailureCode } from '../core/model/message';
import type { OutboxItem } from '../core/ports/outbox';
import { acceptSend, applyWeChatRefusal, returnSend, windowStillOpen } from '../core/send-window/send-window';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { scopeOf } from './support/send-to-customer';

export type DeliveryOutcome =
  | { status: 'sent'; inDoubt?: boolean }
  | { status: 'failed'; reason: string; wechatCode?: number; reasonCode?: DeliveryFailureCode };

export interface DeliveryReport {
  messageId: string;
  outcome: DeliveryOutcome;
}

/** Idempotent: a message already marked sent or failed keeps its first outcome. */
export function recordDelivery(deps: EngineDeps, input: DeliveryReport): Promise<Delivery> {
  return inUnit(deps, (w) => recordIn(w, input));
}

/**
 * Several reports in one unit of work (one commit, one notification of the workbenches), each as
 * recordDelivery records it. All or nothing: if one fails (an unknown message), none is recorded.
 */
export function recordDeliveries(deps: EngineDeps, inputs: readonly DeliveryReport[]): Promise<Delivery[]> {
  return inUnit(deps, async (w) => {
    const recorded: Delivery[] = [];
    for (const input of inputs) recorded.push(await recordIn(w, input));
    return recorded;
  });
}

async function recordIn(w: Work, input: DeliveryReport): Promise<Delivery> {
  const message = await w.tx.messages.get(input.messageId);
  if (!message || message.direction !== 'out') throw new EngineError('not_found', `outgoing message ${input.messageId} not found`);
  if (message.delivery && message.delivery.status !== 'pending') return message.delivery;
  const delivery = deliveryOf(input.outcome, w.now);
  await w.tx.messages.setDelivery(message.id, delivery);
  const conversation = await w.tx.conversations.get(message.conversationId);
  const agentId = message.sender.kind === 'agent' ? message.sender.agentId : conversation?.agentId;
  const about = {
    ...scopeOf(conversation ?? message),
    conversationId: message.conversationId,
    messageId: message.id,
    ...(agentId !== undefined && { agentId }),
  };
  const customer = await w.tx.customers.get(message.customerId);
  if (delivery.status === 'failed') {
    const code = delivery.wechatCode ?? 0;
    const window =
      code === 45015 || code === 45047 ? applyWeChatRefusal(customer?.sendWindow, code, w.now) : returnSend(customer?.sendWindow, w.now);
    if (customer) await w.tx.customers.save({ ...customer, ...(window && { sendWindow: window }) });
    w.notices.push({
      type: 'delivery_failed',
      ...about,
      reason: delivery.reason,
      ...(delivery.reasonCode !== undefined && { reasonCode: delivery.reasonCode }),
    });
  } else if (delivery.status === 'sent') {
    const window = acceptSend(customer?.sendWindow);
    if (customer && window) await w.tx.customers.save({ ...customer, sendWindow: window });
    w.notices.push({ type: 'message_delivered', ...about, at: w.now, ...(delivery.inDoubt && { inDoubt: true }) });
  }
  return delivery;
}

function deliveryOf(outcome: DeliveryOutcome, at: number): Delivery {
  if (outcome.status === 'sent') return { status: 'sent', at, ...(outcome.inDoubt && { inDoubt: true }) };
  return {
    status: 'failed',
    at,
    reason: outcome.reason,
    ...(outcome.wechatCode !== undefined && { wechatCode: outcome.wechatCode }),
    ...(outcome.reasonCode !== undefined && { reasonCode: outcome.reasonCode }),
  };
}

/** What the customer's window says about a queued message: may it still go out, and if not, why. */
export type QueuedSendWindow = { open: true } | { open: false; unsubscribed: boolean };

/**
 * Whom a queued message goes to: its outbox item's channel and openid, the customer's when it was queued.
 * The customer is found by them, not through the message (one read instead of two per send).
 */
export type QueuedSend = Pick<OutboxItem, 'channelId' | 'toOpenid'>;

export async function queuedSendWindow(deps: EngineDeps, send: QueuedSend): Promise<QueuedSendWindow> {
  return (await queuedSendWindows(deps, [send]))[0] as QueuedSendWindow;
}

/** queuedSendWindow for several sends in one unit, in the order given. */
export async function queuedSendWindows(deps: EngineDeps, sends: readonly QueuedSend[]): Promise<QueuedSendWindow[]> {
  return deps.uow.run(async (tx) => {
    const now = deps.clock.now();
    const windows: QueuedSendWindow[] = [];
    for (const send of sends) {
      const window = (await tx.customers.findByOpenid(send.channelId, send.toOpenid))?.sendWindow;
      // An unknown customer is not this check's business: the send goes ahead and WeChat decides.
      if (!window || windowStillOpen(window, now)) windows.push({ open: true });
      else windows.push({ open: false, unsubscribed: window.unsubscribedAt !== undefined });
    }
    return windows;
  });
}
