// The behaviour every ConversationRepository must show for the timer sweep: it stores each save's
// timerDueAt and lists the open conversations whose instant has come (earliest first, then by id); a
// save without an instant takes the conversation out of the sweep; saving routing settings, a skill
// group or a work calendar brings the open conversations they may govern back (their merchant's, or
// the whole channel's for the platform's level), in the same unit.
import type { WorkCalendar } from '../../core/model/work-calendar';
import { CH, conversation, type OpenSubject, useSubject } from '../testing/contract-fixture';

const calendar = (merchantId?: string): WorkCalendar => ({
  id: `k-${merchantId ?? 'platform'}`,
  channelId: CH,
  ...(merchantId !== undefined && { merchantId }),
  name: 'cal',
  timeZone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workdaySegments: [{ start: 540, end: 1080 }],
  nonWorkdaySegments: [],
  holidays: [],
  makeUpWorkdays: [],
});

export function timerDueContract(open: OpenSubject): void {
  const { run } = useSubject(open);
  const due = (now: number, channelId = CH) => run((tx) => tx.conversations.listTimerDue(channelId, now));

  beforeEach(() =>
    run(async (tx) => {
      await tx.conversations.save(conversation('late', { state: 'assigned', agentId: 'a1' }), 5000);
      await tx.conversations.save(conversation('early-b', { merchantId: 'm1' }), 2000);
      await tx.conversations.save(conversation('early-a', { state: 'queued', queuedAt: 1000 }), 2000);
      await tx.conversations.save(conversation('none', { merchantId: 'm2', state: 'left_message' }));
      await tx.conversations.save(conversation('ended', { state: 'ended' }), 1000);
      await tx.conversations.save(conversation('other', { channelId: 'ch2' }), 1000);
    }),
  );

  it('lists the open conversations of the channel whose instant has come, earliest first, then by id', async () => {
    await expect(due(1999)).resolves.toEqual([]);
    await expect(due(2000)).resolves.toEqual(['early-a', 'early-b']);
    await expect(due(9000)).resolves.toEqual(['early-a', 'early-b', 'late']);
    await expect(due(9000, 'ch2')).resolves.toEqual(['other']);
    await expect(run((tx) => tx.conversations.timerDueOf('late'))).resolves.toBe(5000);
    await expect(run((tx) => tx.conversations.timerDueOf('none'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.conversations.timerDueOf('nobody'))).resolves.toBeUndefined();
  });

  it('stores the instant of the latest save; a save without one takes it out of the sweep', async () => {
    await run(async (tx) => {
      await tx.conversations.save(conversation('late', { state: 'assigned', agentId: 'a1', lastAgentMessageAt: 1 }), 1500);
      await tx.conversations.save(conversation('early-b', { merchantId: 'm1', lastCustomerMessageAt: 7 }));
    });
    await expect(due(1500)).resolves.toEqual(['late']);
    await expect(due(9000)).resolves.toEqual(['late', 'early-a']);
  });

  it('a merchant’s settings, group or calendar bring back that merchant’s open conversations only', async () => {
    await run((tx) => tx.settings.save(CH, 'm1', { queueTimeoutMinutes: 3 }));
    await expect(due(0)).resolves.toEqual(['early-b']);
    await run((tx) => tx.conversations.save(conversation('early-b', { merchantId: 'm1' }), 2000));
    await run((tx) => tx.groups.save({ id: 'g2', channelId: CH, merchantId: 'm2', name: 'g' }));
    await expect(due(0)).resolves.toEqual(['none']); // a left message: looked at, then stored without an instant
    await run((tx) => tx.conversations.save(conversation('none', { merchantId: 'm2', state: 'left_message' })));
    await run((tx) => tx.calendars.save(calendar('m1')));
    await expect(due(0)).resolves.toEqual(['early-b']);
  });

  it('the platform’s settings and calendars bring back every open conversation of the channel', async () => {
    await run((tx) => tx.settings.save(CH, undefined, { robotIdleMinutes: 5 }));
    await expect(due(0)).resolves.toEqual(['early-a', 'early-b', 'late', 'none']);
    await expect(due(0, 'ch2')).resolves.toEqual([]);
    await run(async (tx) => {
      for (const id of ['early-a', 'early-b', 'late', 'none']) await tx.conversations.save(conversation(id), 9000);
    });
    await run((tx) => tx.calendars.save(calendar()));
    await expect(due(0)).resolves.toEqual(['early-a', 'early-b', 'late', 'none']);
  });
}
