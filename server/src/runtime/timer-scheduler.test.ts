import pino from 'pino';
import { agentReply } from '../app/agent-reply';
import { CHANNEL, engineFixture } from '../app/testing/engine-fixture';
import { ControllableClock, ClockError } from './controllable-clock';
import { TimerScheduler } from './timer-scheduler';

const MINUTE = 60_000;
const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';

/** An engine whose clock is the test clock, and a scheduler over it. */
async function setUp() {
  const f = engineFixture();
  const clock = new ControllableClock(f.clock.now());
  const engine = { ...f.deps, clock };
  const scheduler = new TimerScheduler({ engine, channelIds: async () => [CHANNEL], logger: pino({ level: 'silent' }) });
  await f.settings({ customerSilenceMinutes: 30, silenceWarningMinutes: 5, agentNoReplyMinutes: 0, language: 'en' });
  await f.agent('a1');
  const id = idOf(await f.say('u1', 'hi'));
  await agentReply(engine, { conversationId: id, agentId: 'a1', content: { type: 'text', text: 'How can I help?' } });
  const outAt = (openid: string) => f.store.data.outbox.filter((o) => o.toOpenid === openid).map((o) => o.createdAt);
  return { f, clock, scheduler, id, start: clock.now(), outAt };
}

describe('TimerScheduler.advanceClock (the test clock)', () => {
  it('fires each timer at its own due instant, the warning before the end, and stops at the target', async () => {
    const { f, clock, scheduler, id, start, outAt } = await setUp();
    const fired = await scheduler.advanceClock(clock, start + 2 * 60 * MINUTE);
    expect(fired).toEqual([
      { channelId: CHANNEL, conversationId: id, kind: 'silence_warning', at: start + 25 * MINUTE },
      { channelId: CHANNEL, conversationId: id, kind: 'silence_end', at: start + 30 * MINUTE },
    ]);
    expect(clock.now()).toBe(start + 2 * 60 * MINUTE);
    // Each message was made at its timer's instant, not at the end of the advance.
    expect(outAt('u1').slice(-2)).toEqual([start + 25 * MINUTE, start + 30 * MINUTE]);
    expect(f.sentTexts('u1').slice(-2)).toEqual([
      'We have not heard from you for a while; this conversation will end in 5 minutes.',
      'This conversation has ended. Thank you for contacting us!',
    ]);
    expect(f.conversation(id)).toMatchObject({ state: 'ended', endReason: 'customer_silent' });
  });

  it('fires nothing before its instant: an advance that stops short leaves the timer for the next one', async () => {
    const { clock, scheduler, id, start } = await setUp();
    expect(await scheduler.advanceClock(clock, start + 24 * MINUTE)).toEqual([]);
    expect(await scheduler.advanceClock(clock, start + 25 * MINUTE)).toEqual([
      { channelId: CHANNEL, conversationId: id, kind: 'silence_warning', at: start + 25 * MINUTE },
    ]);
  });

  it('refuses to go back and leaves the clock where it was', async () => {
    const { clock, scheduler, start } = await setUp();
    await scheduler.advanceClock(clock, start + MINUTE);
    expect(() => scheduler.advanceClock(clock, start)).toThrow(ClockError);
    expect(() => scheduler.advanceClock(clock, Number.NaN)).toThrow(ClockError);
    expect(clock.now()).toBe(start + MINUTE);
  });

  it('is busy while an advance runs', async () => {
    const { clock, scheduler, start } = await setUp();
    const running = scheduler.advanceClock(clock, start + 60 * MINUTE);
    expect(scheduler.busy).toBe(true);
    await running;
    expect(scheduler.busy).toBe(false);
  });
});

describe('ControllableClock', () => {
  it('stands still until moved, and moves forward only', () => {
    const clock = new ControllableClock(1000);
    const now = clock.now; // handed around unbound by compose
    clock.moveTo(1000);
    clock.moveTo(2500);
    expect(now()).toBe(2500);
    expect(() => clock.moveTo(2499)).toThrow(ClockError);
    expect(() => clock.moveTo(Number.POSITIVE_INFINITY)).toThrow(ClockError);
  });
});
