// When seats free up (an agent comes online, a conversation ends or moves), the queue moves: the free
// seats take the oldest conversations they may serve, and everyone still waiting whose place changed is
// told their new position (a courtesy: skipped when it would eat the sends agents need).
import type { Conversation } from '../../core/model/conversation';
import type { RoutingSettings } from '../../core/model/routing-settings';
import { renderText } from '../../core/conversation/render-text';
import { planDrain, positionUpdates } from '../../core/routing/queue';
import type { Work } from './engine-deps';
import { assignConversation } from './place-conversation';
import { loadRouting } from './routing-context';
import { scopeOf, sendSystemText } from './send-to-customer';

export async function drainQueue(w: Work, channelId: string, merchantId: string | undefined): Promise<Conversation[]> {
  const ctx = await loadRouting(w, channelId, merchantId);
  const plan = planDrain(ctx.queued, ctx.view, w.now);
  const assigned: Conversation[] = [];
  for (const { conversationId, agentId } of plan) {
    const c = ctx.queued.find((q) => q.id === conversationId);
    if (c) assigned.push(await assignConversation(w, c, agentId, c.groupId, c.remainingChain, ctx));
  }
  const stillQueued = ctx.queued.filter((c) => !plan.some((p) => p.conversationId === c.id));
  await announcePositions(w, stillQueued, ctx.settingsFor);
  if (plan.length > 0) w.notices.push({ type: 'queue_changed', ...scopeOf({ channelId, merchantId }), length: stillQueued.length });
  return assigned;
}

async function announcePositions(
  w: Work,
  queued: Conversation[],
  settingsFor: (groupId: string | undefined) => RoutingSettings,
): Promise<void> {
  for (const { conversation, position } of positionUpdates(queued)) {
    const settings = settingsFor(conversation.groupId);
    await w.tx.conversations.save({ ...conversation, toldPosition: position });
    if (!settings.announceQueuePosition) continue;
    await sendSystemText(
      w,
      conversation,
      renderText(settings.messages.queuePosition, { position }),
      'courtesy',
      settings,
      'queue_position',
    );
  }
}
