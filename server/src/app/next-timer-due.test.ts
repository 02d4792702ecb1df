import { agentReply } from './agent-reply';
import { nextTimerDue } from './next-timer-due';
import { CHANNEL, engineFixture } from './testing/engine-fixture';

const MINUTE = 60_000;
const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';

describe('nextTimerDue', () => {
  it('is the earliest timer strictly after the instant, across open conversations', async () => {
    const f = engineFixture();
    await f.settings({ customerSilenceMinutes: 30, silenceWarningMinutes: 5, agentNoReplyMinutes: 10 });
    await f.agent('a1');
    const start = f.clock.now();
    const answered = idOf(await f.say('u1', 'hi'));
    await agentReply(f.deps, { conversationId: answered, agentId: 'a1', content: { type: 'text', text: '?' } });
    f.clock.advanceMinutes(3);
    await f.say('u2', 'hi'); // waits for the agent: no-reply due at start + 13 min
    const next = (after: number) => nextTimerDue(f.deps, { channelId: CHANNEL, after });
    expect(await next(start)).toBe(start + 13 * MINUTE);
    expect(await next(start + 13 * MINUTE)).toBe(start + 25 * MINUTE); // u1's silence warning
    expect(await next(start + 25 * MINUTE)).toBe(start + 30 * MINUTE); // then its end
    expect(await next(start + 30 * MINUTE)).toBeUndefined();
  });

  it('is undefined when no timer runs', async () => {
    const f = engineFixture();
    expect(await nextTimerDue(f.deps, { channelId: CHANNEL, after: 0 })).toBeUndefined();
  });
});
