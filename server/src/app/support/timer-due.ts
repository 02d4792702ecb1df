// When the timer sweep (tick-timers.ts) must look at a conversation next: the earliest of its timers,
// worked out whenever a story saves it and stored with it, so a sweep reads the conversations whose
// instant has come from an index (ConversationRepository.listTimerDue) instead of opening a unit for
// every open conversation of the channel every tick. Every save a story makes goes through the unit's
// Work (openUnit wraps its conversations here), so no save can leave a stale instant behind; a change
// of settings, groups or calendars resets the instants it may move (the storages do it in the same
// transaction), and the sweep then stores each one's new instant.
import type { Conversation } from '../../core/model/conversation';
import type { RoutingSettings } from '../../core/model/routing-settings';
import type { ConversationRepository } from '../../core/ports/repositories';
import { nextTimerAt, runsTimers, type TimerContext } from '../../core/timers/due-timers';
import { workTimeEndsAt } from '../../core/timers/work-time-end';
import { liveCalendar } from './live-calendar';
import type { Work } from './work';
import { loadConversationSettings } from './routing-context';

/** A queued conversation waits under its group's calendar, else its merchant's (as routing decided). */
export async function timerContextOf(w: Work, c: Conversation, settings: RoutingSettings): Promise<TimerContext> {
  if (c.state !== 'queued' || !settings.queueClosesWithWorkTime) return {};
  const group = c.groupId === undefined ? undefined : await w.tx.groups.get(c.groupId);
  const calendar = await liveCalendar(w.tx.calendars, [group?.calendarId, settings.calendarId]);
  const endsAt = workTimeEndsAt(calendar, c.queuedAt ?? w.now);
  return endsAt === undefined ? {} : { workTimeEndsAt: endsAt };
}

/** The earliest instant, past or future, at which a timer of `c` falls due; undefined when none runs. */
export async function timerDueAt(w: Work, c: Conversation): Promise<number | undefined> {
  if (!runsTimers(c.state)) return undefined; // no settings read for a left message or an ended one
  const settings = await loadConversationSettings(w, c);
  return nextTimerAt(c, settings, await timerContextOf(w, c, settings));
}

/** `repo` whose saves store the conversation's next timer instant, worked out in the unit `work()` returns. */
export function timedConversations(repo: ConversationRepository, work: () => Work): ConversationRepository {
  return {
    get: (id) => repo.get(id),
    save: async (c) => repo.save(c, await timerDueAt(work(), c)),
    findOpen: (customerId, merchantId) => repo.findOpen(customerId, merchantId),
    listOpenByCustomer: (customerId) => repo.listOpenByCustomer(customerId),
    findLatestWithAgent: (customerId, merchantId) => repo.findLatestWithAgent(customerId, merchantId),
    listQueued: (channelId, merchantId) => repo.listQueued(channelId, merchantId),
    listOpen: (channelId) => repo.listOpen(channelId),
    listTimerDue: (channelId, now) => repo.listTimerDue(channelId, now),
    timerDueOf: (id) => repo.timerDueOf(id),
    listByAgent: (agentId, state) => repo.listByAgent(agentId, state),
    countAssigned: (agentIds) => repo.countAssigned(agentIds),
    list: (query) => repo.list(query),
  };
}
