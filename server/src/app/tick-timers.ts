// Story: the scheduler's tick (every few seconds, from main.ts). Each open conversation's due timer
// fires in its own unit of work, re-checked inside it, so a tick racing a customer message never acts
// on a stale record: queue timeout → offer to leave a message; work time over while queued → the
// off-hours notice and the offer; agent silent → another agent of the home group, else its queue;
// customer silent → the warning, then the end; robot idle → the end.
import { excludeAgent } from '../core/conversation/transitions';
import { renderText } from '../core/conversation/render-text';
import type { Conversation, QueueTarget } from '../core/model/conversation';
import type { RoutingSettings } from '../core/model/routing-settings';
import type { TimerClaims } from '../core/ports/timer-claims';
import { targetState } from '../core/routing/target-state';
import { dueTimer, nextTimerAt, type TimerContext, type TimerKind } from '../core/timers/due-timers';
import { workTimeEndsAt } from '../core/timers/work-time-end';
import { closeConversation } from './support/close-conversation';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { assignConversation, offerLeaveMessage, placeConversation } from './support/place-conversation';
import { loadConversationSettings, loadRouting } from './support/routing-context';
import { saveConversation, scopeOf, sendSystemText } from './support/send-to-customer';
import { liveCalendar } from './support/live-calendar';

export interface FiredTimer {
  conversationId: string;
  kind: TimerKind;
}

export async function tickTimers(deps: EngineDeps, input: { channelId: string }): Promise<FiredTimer[]> {
  const open = await inUnit(deps, (w) => w.tx.conversations.listOpen(input.channelId));
  const fired: FiredTimer[] = [];
  for (const { id } of open) {
    const kind = await inUnit(deps, (w) => fireDueTimer(w, id, deps.timerClaims));
    if (kind) fired.push({ conversationId: id, kind });
  }
  return fired;
}

/** When the next timer of the channel falls due (past or future); undefined when none runs. For a clock that jumps. */
export async function nextTimerDueAt(deps: EngineDeps, input: { channelId: string }): Promise<number | undefined> {
  return inUnit(deps, async (w) => {
    let earliest: number | undefined;
    for (const c of await w.tx.conversations.listOpen(input.channelId)) {
      const settings = await loadConversationSettings(w, c);
      const at = nextTimerAt(c, settings, await timerContextOf(w, c, settings));
      if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
    }
    return earliest;
  });
}

/** A queued conversation waits under its group's calendar, else its merchant's (as routing decided). */
async function timerContextOf(w: Work, c: Conversation, settings: RoutingSettings): Promise<TimerContext> {
  if (c.state !== 'queued' || !settings.queueClosesWithWorkTime) return {};
  const group = c.groupId === undefined ? undefined : await w.tx.groups.get(c.groupId);
  const calendar = await liveCalendar(w.tx.calendars, [group?.calendarId, settings.calendarId]);
  const endsAt = workTimeEndsAt(calendar, c.queuedAt ?? w.now);
  return endsAt === undefined ? {} : { workTimeEndsAt: endsAt };
}

async function fireDueTimer(w: Work, conversationId: string, claims?: TimerClaims): Promise<TimerKind | undefined> {
  const c = await w.tx.conversations.get(conversationId);
  if (!c || c.state === 'ended') return undefined;
  const settings = await loadConversationSettings(w, c);
  const due = dueTimer(w.now, c, settings, await timerContextOf(w, c, settings));
  if (!due) return undefined;
  if (claims && !(await claims.claim(c.id))) return undefined; // another node is firing it
  if (due.kind === 'queue_timeout') await queueTimedOut(w, c);
  if (due.kind === 'work_time_end') await workTimeEnded(w, c);
  if (due.kind === 'agent_no_reply') await agentDidNotReply(w, c);
  if (due.kind === 'silence_warning') await warnSilence(w, c, settings);
  if (due.kind === 'silence_end') await closeConversation(w, c, 'customer_silent', { closingText: true });
  if (due.kind === 'robot_idle') await closeConversation(w, c, 'robot_idle', { closingText: false });
  return due.kind;
}

/**
 * Closing time: the off-hours notice and the offer, in one message. The others of the line are not told
 * a new position: they close at the same instant, and a position update would only spend their sends.
 */
async function workTimeEnded(w: Work, c: Conversation): Promise<void> {
  const ctx = await loadRouting(w, c.channelId, c.merchantId);
  await offerLeaveMessage(w, c, 'off_hours', ctx);
  w.notices.push({ type: 'queue_changed', ...scopeOf(c), length: ctx.queued.filter((q) => q.id !== c.id).length });
}

async function queueTimedOut(w: Work, c: Conversation): Promise<void> {
  await offerLeaveMessage(w, c, undefined, await loadRouting(w, c.channelId, c.merchantId));
  await drainQueue(w, c.channelId, c.merchantId); // the others move up
}

/**
 * Another agent of the conversation's home group (its pool when it has none) takes it when one is free
 * now, never one who already let it wait (the conversation keeps them all excluded); otherwise it waits
 * in that group's queue, so it never goes back to the silent agent.
 */
async function agentDidNotReply(w: Work, c: Conversation): Promise<void> {
  const ctx = await loadRouting(w, c.channelId, c.merchantId);
  if (c.agentId !== undefined) w.notices.push({ type: 'agent_no_reply', ...scopeOf(c), conversationId: c.id, agentId: c.agentId });
  const conversation = excludeAgent(c, c.agentId);
  // A home group deleted meanwhile leaves the merchant's pool, as routing does.
  const home: QueueTarget =
    c.groupId === undefined || !ctx.view.groups.has(c.groupId) ? { kind: 'pool' } : { kind: 'group', groupId: c.groupId };
  const state = targetState(ctx.view, home, new Set(conversation.excludedAgentIds));
  if (state.kind === 'available') {
    await assignConversation(w, conversation, state.agentId, c.groupId, c.remainingChain, ctx);
  } else {
    await placeConversation(w, conversation, { kind: 'queue', target: home, remainingChain: c.remainingChain, steps: [] }, ctx);
  }
  await drainQueue(w, c.channelId, c.merchantId);
}

async function warnSilence(w: Work, c: Conversation, settings: RoutingSettings): Promise<void> {
  await saveConversation(w, { ...c, silenceWarnedAt: w.now });
  await sendSystemText(
    w,
    c,
    renderText(settings.messages.silenceWarning, { minutes: settings.silenceWarningMinutes }),
    'notice',
    settings,
    'silence_warning',
  );
}
