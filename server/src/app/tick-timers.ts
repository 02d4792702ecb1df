// Story: the scheduler's tick (every few seconds, from main.ts). Each open conversation's due timer
// fires in its own unit of work, re-checked inside it, so a tick racing a customer message never acts
// on a stale record: queue timeout → offer to leave a message; agent silent → another agent;
// customer silent → the warning, then the end; robot idle → the end.
import { renderText } from '../core/conversation/render-text';
import type { Conversation } from '../core/model/conversation';
import type { RoutingSettings } from '../core/model/routing-settings';
import { dueTimer, type TimerKind } from '../core/timers/due-timers';
import { closeConversation } from './support/close-conversation';
import { drainQueue } from './support/drain-queue';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { assignConversation, offerLeaveMessage } from './support/place-conversation';
import { decideReroute } from './support/route-to-person';
import { loadConversationSettings, loadRouting } from './support/routing-context';
import { saveConversation, scopeOf, sendSystemText } from './support/send-to-customer';

export interface FiredTimer {
  conversationId: string;
  kind: TimerKind;
}

export async function tickTimers(deps: EngineDeps, input: { channelId: string }): Promise<FiredTimer[]> {
  const open = await inUnit(deps, (w) => w.tx.conversations.listOpen(input.channelId));
  const fired: FiredTimer[] = [];
  for (const { id } of open) {
    const kind = await inUnit(deps, (w) => fireDueTimer(w, id));
    if (kind) fired.push({ conversationId: id, kind });
  }
  return fired;
}

async function fireDueTimer(w: Work, conversationId: string): Promise<TimerKind | undefined> {
  const c = await w.tx.conversations.get(conversationId);
  if (!c || c.state === 'ended') return undefined;
  const settings = await loadConversationSettings(w, c);
  const due = dueTimer(w.now, c, settings);
  if (!due) return undefined;
  if (due.kind === 'queue_timeout') await queueTimedOut(w, c);
  if (due.kind === 'agent_no_reply') await agentDidNotReply(w, c);
  if (due.kind === 'silence_warning') await warnSilence(w, c, settings);
  if (due.kind === 'silence_end') await closeConversation(w, c, 'customer_silent', { closingText: true });
  if (due.kind === 'robot_idle') await closeConversation(w, c, 'robot_idle', { closingText: false });
  return due.kind;
}

async function queueTimedOut(w: Work, c: Conversation): Promise<void> {
  await offerLeaveMessage(w, c, undefined, await loadRouting(w, c.channelId, c.merchantId));
  await drainQueue(w, c.channelId, c.merchantId); // the others move up
}

/**
 * Another agent takes it when one is free now; otherwise it stays (a queue would only make the customer
 * wait longer) and the agent is reminded, with the timer restarted, so it never bounces back and forth.
 */
async function agentDidNotReply(w: Work, c: Conversation): Promise<void> {
  const ctx = await loadRouting(w, c.channelId, c.merchantId);
  const { conversation, decision } = decideReroute(c, c.agentId, ctx);
  if (c.agentId !== undefined) w.notices.push({ type: 'agent_no_reply', ...scopeOf(c), conversationId: c.id, agentId: c.agentId });
  if (decision.kind !== 'assign') {
    await saveConversation(w, { ...c, customerWaitingSince: w.now });
    return;
  }
  const groupId = decision.target.kind === 'group' ? decision.target.groupId : c.groupId;
  await assignConversation(w, conversation, decision.agentId, groupId, decision.remainingChain, ctx);
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
