import { awaitedNow, parseRating, wantsRating } from './csat';
import type { Conversation } from '../model/conversation';

const c = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  channelId: 'ch1',
  customerId: 'cu1',
  state: 'ended',
  remainingChain: [],
  excludedAgentIds: [],
  createdAt: 1,
  lastCustomerMessageAt: 2,
  ...over,
});

describe('a customer’s reply as a rating', () => {
  it.each([
    ['5', 5, undefined],
    [' 4 ', 4, undefined],
    ['４', 4, undefined],
    ['4分', 4, undefined],
    ['5 很满意', 5, '很满意'],
    ['3，物流太慢了', 3, '物流太慢了'],
    ['1星! 太差', 1, '太差'],
    ['2\n等了太久', 2, '等了太久'],
  ])('%j rates %d', (text, rating, comment) => {
    expect(parseRating(text)).toEqual({ rating, ...(comment && { comment }) });
  });

  it.each(['0', '6', '12', '1个订单', '2号发货了吗', '好评', '', '五'])('%j is not a rating', (text) => {
    expect(parseRating(text)).toBeUndefined();
  });
});

describe('which ended conversations ask for a rating', () => {
  it('off never; on when the customer wrote; after_agent only when a person answered; once', () => {
    expect(wantsRating('off', c({ firstAgentResponseAt: 3 }))).toBe(false);
    expect(wantsRating('on', c())).toBe(true);
    expect(wantsRating('on', c({ lastCustomerMessageAt: undefined }))).toBe(false);
    expect(wantsRating('after_agent', c())).toBe(false);
    expect(wantsRating('after_agent', c({ firstAgentResponseAt: 3 }))).toBe(true);
    expect(wantsRating('on', c({ csat: { requestedAt: 4 } }))).toBe(false);
  });

  it('an awaited rating lapses after its time', () => {
    const a = { conversationId: 'c1', stage: 'rating' as const, until: 100 };
    expect(awaitedNow(a, 100)).toBe(a);
    expect(awaitedNow(a, 101)).toBeUndefined();
  });
});
