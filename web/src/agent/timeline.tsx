// The timeline's lines between messages: what happened to the conversation (assigned, taken, transferred,
// queued, left message, ended), from GET /conversations/:id/events, reloaded whenever the conversation
// changes (its conversation_changed notices refresh it).
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Conversation, ConversationEvent, Message } from '../api/types';
import { useFormatters, useT } from '../i18n/i18n';
import { workMessages } from './work-messages';

export type { ConversationEvent };

/** The events of the open conversation, read again each time the conversation record is (re)loaded. */
export function useConversationEvents(conversation: Conversation | undefined): ConversationEvent[] {
  const [events, setEvents] = useState<ConversationEvent[]>([]);
  useEffect(() => {
    if (!conversation) return;
    let alive = true;
    api.get<{ items: ConversationEvent[] }>(`/api/v1/conversations/${encodeURIComponent(conversation.id)}/events`).then(
      (r) => alive && setEvents(r.items),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [conversation]);
  return conversation ? events : [];
}

export type TimelineItem = { message: Message } | { event: ConversationEvent; key: string };

/**
 * Messages and events in time order. An event goes after the customer's messages of its millisecond (the
 * message that caused it) and before what was sent in it (the notice that announced it); events older
 * than the first message shown wait until the older page is loaded.
 */
export function interleave(messages: readonly Message[], events: readonly ConversationEvent[], hasOlder: boolean): TimelineItem[] {
  const from = hasOlder ? (messages[0]?.createdAt ?? Number.POSITIVE_INFINITY) : Number.NEGATIVE_INFINITY;
  const pending = events.map((event, i) => ({ event, key: `event-${i}-${event.at}` })).filter((e) => e.event.at >= from);
  const items: TimelineItem[] = [];
  for (const message of messages) {
    const goesBefore = (e: ConversationEvent) => e.at < message.createdAt || (e.at === message.createdAt && message.direction === 'out');
    while (pending[0] && goesBefore(pending[0].event)) items.push(pending.shift() as TimelineItem);
    items.push({ message });
  }
  return [...items, ...pending];
}

interface LineProps {
  event: ConversationEvent;
  agentName(id: string | undefined): string | undefined;
  groupName(id: string | undefined): string | undefined;
}

function useEventText() {
  const t = useT(workMessages);
  return ({ event: e, agentName, groupName }: LineProps): string => {
    const who = (id: string | undefined) => agentName(id) ?? id ?? t('someone');
    const q = e.queuedFor;
    const target =
      q?.kind === 'group'
        ? t('target_group', { name: groupName(q.groupId) ?? q.groupId })
        : q?.kind === 'agent'
          ? t('target_agent', { name: who(q.agentId) })
          : '';
    switch (e.kind) {
      case 'assigned':
        return t('event_assigned', { agent: who(e.agentId) });
      case 'taken':
        return t('event_taken', { agent: who(e.agentId) });
      case 'transferred':
        return e.agentId !== undefined
          ? t('event_transferred', { from: who(e.fromAgentId), agent: who(e.agentId) })
          : t('event_transferred_queue', { from: who(e.fromAgentId), target });
      case 'queued':
        return t('event_queued', { target });
      case 'left_message':
        return t('event_left_message');
      case 'ended':
        return t('event_ended', { reason: endReasonText(t, e.endReason) });
    }
  };
}

const REASONS = ['agent_ended', 'admin_ended', 'customer_left', 'customer_silent', 'robot_idle'] as const;

function endReasonText(t: ReturnType<typeof useT<keyof (typeof workMessages)['zh']>>, reason: string | undefined): string {
  const known = REASONS.find((r) => r === reason);
  // A reason this build does not know (a newer server's) is never shown as its code.
  return known ? t(`reason_${known}`) : t('reason_other');
}

/** Why a conversation ended, in the reader's words (an unknown reason as "another reason"). */
export function useEndReason(): (reason: string | undefined) => string {
  const t = useT(workMessages);
  return (reason) => endReasonText(t, reason);
}

/** One line between messages: the step and its time. */
export function TimelineLine(props: LineProps) {
  const f = useFormatters();
  const text = useEventText()(props);
  return (
    <div className="inbox-event" data-event-kind={props.event.kind} role="note">
      <span className="inbox-event-text">
        {text} · <time dateTime={new Date(props.event.at).toISOString()}>{f.time(props.event.at)}</time>
      </span>
    </div>
  );
}
