// Which webhook events the engine's notices mean, and the body a receiver gets.
import type { Message } from '../model/message';
import { eventsOfNotices, webhookBody } from './webhook-events';

const scope = { channelId: 'ch1', merchantId: 'm1' };
let n = 0;
const ids = () => `evt${++n}`;
const message = (direction: 'in' | 'out') => ({ id: 'msg1', direction, content: { type: 'text', text: 'hi' } }) as unknown as Message;

it('maps messages, new, assigned, transferred and ended conversations, and failed deliveries', () => {
  const events = eventsOfNotices(
    [
      { type: 'message_added', ...scope, conversationId: 'c1', messageId: 'msg1', message: message('in') },
      { type: 'message_added', ...scope, conversationId: 'c1', messageId: 'msg2', message: message('out') },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'bot', created: true },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'assigned', agentId: 'a1' },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'assigned', agentId: 'a2', previousAgentId: 'a1' },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'queued' },
      { type: 'conversation_changed', ...scope, conversationId: 'c1', state: 'ended', agentId: 'a2' },
      { type: 'delivery_failed', ...scope, conversationId: 'c1', messageId: 'msg2', reason: 'window closed' },
      { type: 'queue_changed', ...scope, length: 3 },
    ],
    ids,
    1_700_000_000_000,
  );
  expect(events.map((e) => e.type)).toEqual([
    'message.received',
    'message.sent',
    'conversation.created',
    'conversation.assigned',
    'conversation.transferred',
    'conversation.ended',
    'delivery.failed',
  ]);
  expect(events[4]?.payload).toEqual({ state: 'assigned', agentId: 'a2', previousAgentId: 'a1' });
});

it('maps a rating of an ended conversation to csat.received, not a second end', () => {
  const events = eventsOfNotices(
    [
      {
        type: 'conversation_changed',
        ...scope,
        conversationId: 'c1',
        state: 'ended',
        agentId: 'a2',
        csat: { rating: 4, comment: '物流慢' },
      },
    ],
    ids,
    1_700_000_000_000,
  );
  expect(events.map((e) => [e.type, e.payload])).toEqual([['csat.received', { rating: 4, comment: '物流慢' }]]);
});

it('writes the body as id, type, ISO time, channel, merchant and data with the conversation', () => {
  const [event] = eventsOfNotices(
    [{ type: 'delivery_failed', ...scope, conversationId: 'c1', messageId: 'm', reason: 'r' }],
    () => 'evt1',
    0,
  );
  expect(JSON.parse(webhookBody(event!))).toEqual({
    id: 'evt1',
    type: 'delivery.failed',
    createdAt: '1970-01-01T00:00:00.000Z',
    channelId: 'ch1',
    merchantId: 'm1',
    data: { conversationId: 'c1', messageId: 'm', reason: 'r' },
  });
});
