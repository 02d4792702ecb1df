// The timers of a conversation, as pure functions of its record, the settings, the time and (for a
// queued one) when its work time ends; the app's scheduler calls tickTimers, which asks dueTimer for
// each conversation whose stored next instant (nextTimerAt, stored on every save) has come. No timer
// itself is stored: a settings change makes the conversations it governs look again, and each look
// recomputes what is due, so a restart or a settings change loses nothing.
import type { Conversation, ConversationState } from '../model/conversation';
import type { RoutingSettings } from '../model/routing-settings';

export type TimerKind = 'queue_timeout' | 'work_time_end' | 'agent_no_reply' | 'silence_warning' | 'silence_end' | 'robot_idle';

/** What a timer needs beyond the record and the settings, worked out by the caller from the ports. */
export interface TimerContext {
  /**
   * For a queued conversation: when the work time of the calendar it waits under ends (the first
   * off-hours instant from its queuing on; see work-time-end.ts). Undefined: work time never ends.
   */
  workTimeEndsAt?: number;
}

export interface TimerDue {
  kind: TimerKind;
  /** When it became due. */
  at: number;
}

const MINUTE = 60_000;

/** The states whose conversations run timers; a left message and an ended conversation never fall due. */
export function runsTimers(state: ConversationState): boolean {
  return state === 'queued' || state === 'bot' || state === 'assigned';
}

/** Every timer of the conversation with the instant it fires, whether past or future. */
export function timersOf(c: Conversation, s: RoutingSettings, context: TimerContext = {}): TimerDue[] {
  if (!runsTimers(c.state)) return [];
  if (c.state === 'queued') return queueTimers(c, s, context);
  if (c.state === 'bot' && s.robotIdleMinutes > 0) {
    return [{ kind: 'robot_idle', at: (c.lastCustomerMessageAt ?? c.createdAt) + s.robotIdleMinutes * MINUTE }];
  }
  if (c.state !== 'assigned') return [];
  if (c.customerWaitingSince !== undefined) {
    return s.agentNoReplyMinutes > 0 ? [{ kind: 'agent_no_reply', at: c.customerWaitingSince + s.agentNoReplyMinutes * MINUTE }] : [];
  }
  return silenceTimers(c, s);
}

/** A queued customer waits until the queue times out, or until work time ends (assigned ones continue). */
function queueTimers(c: Conversation, s: RoutingSettings, context: TimerContext): TimerDue[] {
  const timers: TimerDue[] = [];
  if (s.queueTimeoutMinutes > 0 && c.queuedAt !== undefined)
    timers.push({ kind: 'queue_timeout', at: c.queuedAt + s.queueTimeoutMinutes * MINUTE });
  if (context.workTimeEndsAt !== undefined) timers.push({ kind: 'work_time_end', at: context.workTimeEndsAt });
  return timers.sort((a, b) => a.at - b.at);
}

/** The customer is silent once the agent has written and the customer has not answered since. */
function silenceTimers(c: Conversation, s: RoutingSettings): TimerDue[] {
  const since = c.lastAgentMessageAt;
  if (since === undefined || s.customerSilenceMinutes <= 0) return [];
  const end = since + s.customerSilenceMinutes * MINUTE;
  const timers: TimerDue[] = [];
  const warnedThisSilence = c.silenceWarnedAt !== undefined && c.silenceWarnedAt >= since;
  if (s.silenceWarningMinutes > 0 && s.silenceWarningMinutes < s.customerSilenceMinutes && !warnedThisSilence) {
    timers.push({ kind: 'silence_warning', at: end - s.silenceWarningMinutes * MINUTE });
  }
  timers.push({ kind: 'silence_end', at: end });
  return timers;
}

/**
 * The one timer to act on now: the earliest due one, except that an overdue end wins over its warning
 * (a scheduler that slept through both ends the conversation instead of warning first).
 */
export function dueTimer(now: number, c: Conversation, s: RoutingSettings, context: TimerContext = {}): TimerDue | undefined {
  const due = timersOf(c, s, context).filter((t) => t.at <= now);
  return due.find((t) => t.kind === 'silence_end') ?? due[0];
}

/** When the scheduler should look at this conversation next; undefined when no timer runs. */
export function nextTimerAt(c: Conversation, s: RoutingSettings, context: TimerContext = {}): number | undefined {
  const times = timersOf(c, s, context).map((t) => t.at);
  return times.length ? Math.min(...times) : undefined;
}
