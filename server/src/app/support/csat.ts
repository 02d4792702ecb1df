// Satisfaction (CSAT) inside WeChat, the stories' part. When a conversation ends and its settings ask for
// it, the customer is asked to rate it, through send-to-customer like every message (so never a send
// WeChat's window forbids: a refused request simply asks nothing). The customer's record then awaits a
// rating: their next reply that is a number 1-5 is recorded on the ended conversation as the rating (with
// the rest of the text as the comment), not routed to the robot or a person; after a rating without a
// comment, the next text within minutes is its comment.
import {
  awaitedNow,
  CSAT_COMMENT_MAX,
  CSAT_COMMENT_WINDOW_MS,
  CSAT_RATING_WINDOW_MS,
  parseRating,
  wantsRating,
} from '../../core/conversation/csat';
import type { Conversation } from '../../core/model/conversation';
import type { CsatRecord } from '../../core/model/csat';
import type { Customer } from '../../core/model/customer';
import type { RoutingSettings } from '../../core/model/routing-settings';
import { customerActing } from './customers';
import type { Work } from './engine-deps';
import { type HandledMessage, type IncomingCustomerMessage, recordInbound } from './record-customer-message';
import { loadSettings } from './routing-context';
import { scopeOf, sendSystemText } from './send-to-customer';

/** After the end is saved: asks for the rating when the settings want one and WeChat's window allows. */
export async function requestRating(w: Work, ended: Conversation, settings: RoutingSettings): Promise<Conversation> {
  if (!wantsRating(settings.csat, ended)) return ended;
  // Sent as part of the end (as the closing text): no agent needs the sends kept for agents any more.
  const sent = await sendSystemText(w, ended, settings.messages.csatRequest, 'closing', settings, 'csat_request');
  if (!('sent' in sent)) return ended;
  // Read back: the saved end carries its history step, which `ended` does not.
  const saved = (await w.tx.conversations.get(ended.id)) ?? ended;
  const asked: Conversation = { ...saved, csat: { requestedAt: w.now } };
  await w.tx.conversations.save(asked);
  const customer = await w.tx.customers.get(ended.customerId);
  if (customer)
    await w.tx.customers.save({
      ...customer,
      csatAwaited: { conversationId: ended.id, stage: 'rating', until: w.now + CSAT_RATING_WINDOW_MS },
    });
  return asked;
}

/**
 * A customer's message that rates (or comments on) their ended conversation: recorded there, and the
 * push is done. Undefined: not a rating, nothing awaited, or the customer has an open conversation with
 * the merchant (then they are talking about something else).
 */
export async function takeRating(w: Work, known: Customer, input: IncomingCustomerMessage): Promise<HandledMessage | undefined> {
  const awaited = awaitedNow(known.csatAwaited, w.now);
  const text = input.push.type === 'text' ? input.push.content.trim() : undefined;
  if (!awaited || text === undefined || text === '') return undefined;
  const c = await w.tx.conversations.get(awaited.conversationId);
  if (!c || c.state !== 'ended' || !c.csat) return undefined;
  // Entered another shop's chat since: the number is for that shop, not a rating of this one.
  if (known.session?.merchantId !== c.merchantId) return undefined;
  if (await w.tx.conversations.findOpen(known.id, c.merchantId)) return undefined;
  const parsed = parseRating(text);
  if (awaited.stage === 'rating' && !parsed) return undefined;
  const csat: CsatRecord =
    awaited.stage === 'rating' && parsed
      ? { ...c.csat, rating: parsed.rating, ratedAt: w.now, ...(parsed.comment !== undefined && { comment: parsed.comment }) }
      : { ...c.csat, comment: text.slice(0, CSAT_COMMENT_MAX) };
  const customer = await customerActing(w, input.channelId, input.channelKind, input.push.fromUserName, 'message');
  const message = await recordInbound(w, c, input);
  const { csatAwaited: _done, ...rest } = customer;
  const next =
    csat.comment === undefined
      ? { ...rest, csatAwaited: { ...awaited, stage: 'comment' as const, until: w.now + CSAT_COMMENT_WINDOW_MS } }
      : rest;
  await w.tx.customers.save(next);
  await w.tx.conversations.save({ ...c, csat });
  if (awaited.stage === 'rating') {
    const settings = await loadSettings(w, c.channelId, c.merchantId);
    await sendSystemText(w, c, settings.messages.csatThanks, 'notice', settings, 'csat_thanks');
  }
  w.notices.push({
    type: 'conversation_changed',
    ...scopeOf(c),
    conversationId: c.id,
    state: c.state,
    ...(c.agentId !== undefined && { agentId: c.agentId }),
    csat: {
      ...(csat.rating !== undefined && { rating: csat.rating }),
      ...(csat.comment !== undefined && { comment: csat.comment }),
    },
  });
  return { kind: 'handled', conversationId: c.id, messageId: message.id, state: 'ended' };
}
