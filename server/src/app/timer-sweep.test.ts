// The timer sweep looks only at the conversations whose stored instant has come (support/timer-due.ts):
// the cost of a tick follows the timers due, not the conversations open, and a timer still fires at
// its instant, never before, when the settings, a group or a calendar that govern it change meanwhile.
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { agentReply } from './agent-reply';
import { tickTimers } from './tick-timers';
import { CHANNEL, engineFixture, type EngineFixture } from './testing/engine-fixture';

const idOf = (r: { kind: string; conversationId?: string }) => r.conversationId ?? '';
const tick = (f: EngineFixture) => tickTimers(f.deps, { channelId: CHANNEL });

/** The units a tick ran (the in-memory store counts each committed unit). */
async function unitsOfTick(f: EngineFixture): Promise<{ units: number; fired: number }> {
  const before = f.store.commits;
  const fired = await tick(f);
  return { units: f.store.commits - before, fired: fired.length };
}

describe('the timer sweep', () => {
  it('opens one unit for idle open conversations, and one more per conversation whose timer is due', async () => {
    const f = engineFixture(); // 1,000 on SQLite, with statements counted: storage/timer-sweep-statements.test.ts
    await f.settings({ receptionMode: 'robot_only', robotIdleMinutes: 30 });
    for (let i = 0; i < 50; i++) await f.say(`idle-${i}`, 'hi');
    f.clock.advanceMinutes(10);
    const late = idOf(await f.say('idle-0', 'still here')); // its robot idleness starts again
    expect(await unitsOfTick(f)).toEqual({ units: 1, fired: 0 }); // sweeping every open one: 51
    f.clock.advanceMinutes(20);
    expect(await unitsOfTick(f)).toEqual({ units: 50, fired: 49 }); // the query, then the 49 due
    expect(await unitsOfTick(f)).toEqual({ units: 1, fired: 0 });
    f.clock.advanceMinutes(10);
    expect(await tick(f)).toEqual([{ conversationId: late, kind: 'robot_idle' }]);
  });

  it('a conversation another node fired since the sweep listed it is left alone, not written again', async () => {
    const f = engineFixture();
    await f.settings({ customerSilenceMinutes: 10, silenceWarningMinutes: 3, agentNoReplyMinutes: 0 });
    await f.agent('a1');
    const id = idOf(await f.say('u1', 'hi'));
    await agentReply(f.deps, { conversationId: id, agentId: 'a1', content: { type: 'text', text: '?' } });
    f.clock.advanceMinutes(7); // the silence warning is due
    let firedByTheOther: unknown;
    const listedFirst: UnitOfWork = {
      run: async (work) => {
        const done = await f.store.run(work);
        if (firedByTheOther === undefined) {
          // This node has listed the conversation; the other node fires its warning before this one looks.
          expect(await tick(f)).toEqual([{ conversationId: id, kind: 'silence_warning' }]);
          firedByTheOther = f.store.data.conversations.get(id);
        }
        return done;
      },
    };
    expect(await tickTimers({ ...f.deps, uow: listedFirst }, { channelId: CHANNEL })).toEqual([]);
    expect(f.store.data.conversations.get(id)).toBe(firedByTheOther); // looked at, nothing due, not saved again
    expect(f.sentTexts('u1').filter((t) => t.includes('3'))).toHaveLength(1);
  });

  it('a timeout shortened meanwhile fires at its new instant, not before and not at the old one', async () => {
    const f = engineFixture();
    await f.settings({ queueTimeoutMinutes: 10 });
    await f.agent('a1', { maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(2);
    expect(await tick(f)).toEqual([]);
    await f.settings({ queueTimeoutMinutes: 5 }); // stored as the admin's story stores it
    f.clock.advanceMinutes(2); // 4 minutes queued
    expect(await tick(f)).toEqual([]);
    f.clock.advanceMinutes(1);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'queue_timeout' }]);
  });

  it('a timeout lengthened meanwhile does not fire at the old instant; the conversation is looked at once, then at the new one', async () => {
    const f = engineFixture();
    await f.settings({ receptionMode: 'robot_only', robotIdleMinutes: 5 });
    const id = idOf(await f.say('u1', 'hi'));
    await f.say('u2', 'hi');
    await f.settings({ receptionMode: 'robot_only', robotIdleMinutes: 30 });
    expect(await unitsOfTick(f)).toEqual({ units: 3, fired: 0 }); // both looked at again under the new settings
    f.clock.advanceMinutes(5);
    expect(await unitsOfTick(f)).toEqual({ units: 1, fired: 0 });
    f.clock.advanceMinutes(25);
    expect((await tick(f)).map((t) => t.conversationId)).toEqual([id, expect.any(String)]);
  });

  it('a group’s settings and a calendar changed meanwhile govern the conversations waiting under them', async () => {
    const f = engineFixture();
    await f.settings({ queueTimeoutMinutes: 60, defaultGroupId: 'vip', agentNoReplyMinutes: 0 });
    await f.group('vip');
    await f.agent('a1', { groupIds: ['vip'], maxConcurrent: 0 });
    const id = idOf(await f.say('u1', 'hi'));
    f.clock.advanceMinutes(1);
    expect(await tick(f)).toEqual([]);
    await f.group('vip', { settings: { queueTimeoutMinutes: 2 } });
    f.clock.advanceMinutes(1);
    expect(await tick(f)).toEqual([{ conversationId: id, kind: 'queue_timeout' }]);

    const g = engineFixture(); // the fixture's clock starts on a Monday at 10:00 Shanghai
    await g.calendar('office', { workdaySegments: [{ start: 9 * 60, end: 23 * 60 }] });
    await g.settings({ calendarId: 'office', queueTimeoutMinutes: 0, agentNoReplyMinutes: 0 });
    await g.agent('a1', { maxConcurrent: 0 });
    const waiting = idOf(await g.say('u1', 'hi'));
    await g.calendar('office', { workdaySegments: [{ start: 9 * 60, end: 11 * 60 }] }); // work now ends at 11:00
    g.clock.advanceMinutes(59);
    expect(await tick(g)).toEqual([]);
    g.clock.advanceMinutes(1);
    expect(await tick(g)).toEqual([{ conversationId: waiting, kind: 'work_time_end' }]);
  });
});
