import type { Conversation } from '../model/conversation';
import { resolveSettings } from '../model/default-settings';
import { dueTimer, nextTimerAt, timersOf } from './due-timers';

const MIN = 60_000;
const settings = resolveSettings({
  queueTimeoutMinutes: 15,
  customerSilenceMinutes: 10,
  silenceWarningMinutes: 2,
  agentNoReplyMinutes: 5,
  robotIdleMinutes: 30,
});

function conv(patch: Partial<Conversation>): Conversation {
  return {
    id: 'c',
    channelId: 'ch',
    customerId: 'cu',
    state: 'assigned',
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: 0,
    ...patch,
  };
}

describe('dueTimers', () => {
  it('work time ending fires for a queued conversation, whichever of it and the queue timeout comes first', () => {
    const c = conv({ state: 'queued', queuedAt: 0 });
    expect(timersOf(c, settings, { workTimeEndsAt: 5 * MIN })).toEqual([
      { kind: 'work_time_end', at: 5 * MIN },
      { kind: 'queue_timeout', at: 15 * MIN },
    ]);
    expect(dueTimer(5 * MIN, c, settings, { workTimeEndsAt: 5 * MIN })).toEqual({ kind: 'work_time_end', at: 5 * MIN });
    expect(dueTimer(20 * MIN, c, settings, { workTimeEndsAt: 30 * MIN })).toEqual({ kind: 'queue_timeout', at: 15 * MIN });
    expect(nextTimerAt(c, settings, { workTimeEndsAt: 5 * MIN })).toBe(5 * MIN);
    // Assigned conversations continue past the end of work time.
    expect(timersOf(conv({ state: 'assigned' }), settings, { workTimeEndsAt: 0 })).toEqual([]);
  });

  it('queue timeout after the configured minutes in the queue', () => {
    const c = conv({ state: 'queued', queuedAt: 0 });
    expect(dueTimer(15 * MIN - 1, c, settings)).toBeUndefined();
    expect(dueTimer(15 * MIN, c, settings)).toEqual({ kind: 'queue_timeout', at: 15 * MIN });
  });

  it('agent no-reply runs from the first unanswered customer message', () => {
    const c = conv({ customerWaitingSince: 1 * MIN, lastCustomerMessageAt: 4 * MIN, lastAgentMessageAt: 0 });
    expect(dueTimer(6 * MIN - 1, c, settings)).toBeUndefined();
    expect(dueTimer(6 * MIN, c, settings)?.kind).toBe('agent_no_reply');
  });

  it('no silence timers while the customer waits for the agent', () => {
    const c = conv({ customerWaitingSince: 0, lastAgentMessageAt: 0 });
    expect(timersOf(c, settings).map((t) => t.kind)).toEqual(['agent_no_reply']);
  });

  it('silence: a warning N minutes before the end, once per silence', () => {
    const c = conv({ lastAgentMessageAt: 0, lastCustomerMessageAt: 0 });
    expect(dueTimer(8 * MIN - 1, c, settings)).toBeUndefined();
    expect(dueTimer(8 * MIN, c, settings)?.kind).toBe('silence_warning');
    const warned = { ...c, silenceWarnedAt: 8 * MIN };
    expect(dueTimer(9 * MIN, warned, settings)).toBeUndefined();
    expect(dueTimer(10 * MIN, warned, settings)?.kind).toBe('silence_end');
  });

  it('a warning from an earlier silence does not count for a new one', () => {
    const c = conv({ lastAgentMessageAt: 20 * MIN, silenceWarnedAt: 8 * MIN });
    expect(dueTimer(28 * MIN, c, settings)?.kind).toBe('silence_warning');
  });

  it('an overdue end wins over its warning', () => {
    expect(dueTimer(30 * MIN, conv({ lastAgentMessageAt: 0 }), settings)?.kind).toBe('silence_end');
  });

  it('no warning when it is disabled or not shorter than the silence', () => {
    const c = conv({ lastAgentMessageAt: 0 });
    expect(timersOf(c, { ...settings, silenceWarningMinutes: 0 }).map((t) => t.kind)).toEqual(['silence_end']);
    expect(timersOf(c, { ...settings, silenceWarningMinutes: 10 }).map((t) => t.kind)).toEqual(['silence_end']);
  });

  it('0 minutes turns a timer off', () => {
    const off = { ...settings, queueTimeoutMinutes: 0, agentNoReplyMinutes: 0, customerSilenceMinutes: 0, robotIdleMinutes: 0 };
    expect(timersOf(conv({ state: 'queued', queuedAt: 0 }), off)).toEqual([]);
    expect(timersOf(conv({ customerWaitingSince: 0 }), off)).toEqual([]);
    expect(timersOf(conv({ lastAgentMessageAt: 0 }), off)).toEqual([]);
    expect(timersOf(conv({ state: 'bot' }), off)).toEqual([]);
  });

  it('robot conversations end after customer idleness; left messages and ended ones have no timers', () => {
    expect(dueTimer(30 * MIN, conv({ state: 'bot', lastCustomerMessageAt: 0 }), settings)?.kind).toBe('robot_idle');
    expect(timersOf(conv({ state: 'left_message' }), settings)).toEqual([]);
    expect(timersOf(conv({ state: 'ended' }), settings)).toEqual([]);
  });

  it('tells the scheduler when to look next', () => {
    expect(nextTimerAt(conv({ lastAgentMessageAt: 0 }), settings)).toBe(8 * MIN);
    expect(nextTimerAt(conv({ state: 'left_message' }), settings)).toBeUndefined();
  });
});
