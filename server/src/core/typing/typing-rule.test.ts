import type { WindowStatus } from '../send-window/send-window';
import { decideTyping, type TypingFacts } from './typing-rule';

const open: WindowStatus = { open: true, remaining: 5, expiresAt: 10_000_000 };
const at = (over: Partial<TypingFacts> = {}): TypingFacts => ({ now: 100_000, window: open, lastCustomerMessageAt: 90_000, ...over });

describe('the typing rule (WeChat §4.4)', () => {
  it('sends Typing after a customer message, within 28 s (WeChat allows 30), while a send is allowed', () => {
    expect(decideTyping(true, at())).toEqual({ send: 'Typing' });
    expect(decideTyping(true, at({ lastCustomerMessageAt: 72_000 }))).toEqual({ send: 'Typing' });
    expect(decideTyping(true, at({ lastCustomerMessageAt: 71_999 }))).toEqual({ skip: 'no_recent_message' });
    expect(decideTyping(true, at({ lastCustomerMessageAt: undefined }))).toEqual({ skip: 'no_recent_message' });
    expect(decideTyping(true, at({ window: { open: false, reason: 'quota_used_up', remaining: 0 } }))).toEqual({ skip: 'window_closed' });
  });

  it('does not repeat it while it shows (15 s), unless a message ended it', () => {
    expect(decideTyping(true, at({ typingSentAt: 90_000 }))).toEqual({ skip: 'already_typing' });
    expect(decideTyping(true, at({ typingSentAt: 85_000 }))).toEqual({ send: 'Typing' });
    expect(decideTyping(true, at({ typingSentAt: 90_000, lastAgentMessageAt: 95_000 }))).toEqual({ send: 'Typing' });
  });

  it('cancels only what shows', () => {
    expect(decideTyping(false, at({ typingSentAt: 95_000 }))).toEqual({ send: 'CancelTyping' });
    expect(decideTyping(false, at())).toEqual({ skip: 'not_typing' });
    expect(decideTyping(false, at({ typingSentAt: 95_000, lastAgentMessageAt: 96_000 }))).toEqual({ skip: 'not_typing' });
  });
});
