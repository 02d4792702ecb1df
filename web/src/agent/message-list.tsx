// The chat history: bubbles for the customer (left), agents and the robot (right, the robot marked), and
// system notices (centred). Follows the newest message unless the agent scrolled up, in which case a
// "new messages" pill appears; loading older pages keeps the view where it was.
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useFormatters, useT } from '../i18n/i18n';
import type { Message } from '../api/types';
import { ClockIcon } from './icons';
import { MessageContent } from './message-content';
import { agentMessages } from './messages';
import type { Chat } from './use-chat';
import { interleave, TimelineLine, type ConversationEvent } from './timeline';
import type { Note } from './desk-types';
import { NoteLine, withNotes } from './notes';

interface Props {
  chat: Chat;
  customerName: string;
  agentName(id: string | undefined): string | undefined;
  groupName(id: string | undefined): string | undefined;
  /** What happened to the conversation, shown as lines between the messages. */
  events: ConversationEvent[];
  /** Shown above the first message once there is no older page (the customer's earlier conversations). */
  earlier?: ReactNode;
  /** Internal notes, shown between the messages in their own colour. */
  notes?: readonly Note[];
}

function Delivery({ message, reason }: { message: Message; reason: string | undefined }) {
  const t = useT(agentMessages);
  const delivery = message.delivery;
  if (delivery?.status === 'pending')
    return (
      <span className="inbox-delivery pending" title={t('delivery_pending')}>
        <ClockIcon label={t('delivery_pending')} />
      </span>
    );
  if (delivery?.status === 'sent' && delivery.inDoubt)
    return (
      <span className="inbox-delivery sent in-doubt" role="status" title={t('delivery_in_doubt_hint')}>
        ✓ {t('delivery_in_doubt')}
      </span>
    );
  if (delivery?.status === 'sent')
    return (
      <span className="inbox-delivery sent" title={t('delivery_sent')} aria-label={t('delivery_sent')}>
        ✓
      </span>
    );
  if (delivery?.status === 'failed')
    return (
      <span className="inbox-delivery failed" role="alert">
        {t('delivery_failed', {
          // The server's own reasons are explained in the agent's language; WeChat's are shown as WeChat gave them.
          reason: delivery.reasonCode !== undefined ? t(`failure_${delivery.reasonCode}`) : (reason ?? delivery.reason),
        })}
      </span>
    );
  return null;
}

/**
 * One message. Memoised on its props (the message object is replaced only when it changes, the sender's
 * name is a string): a chat of hundreds of messages then renders one bubble per new message, not all.
 */
export const Bubble = memo(function Bubble({
  message,
  customerName,
  agentName,
  failure,
}: {
  message: Message;
  customerName: string;
  agentName: string | undefined;
  failure: string | undefined;
}) {
  const t = useT(agentMessages);
  const f = useFormatters();
  const sender = message.sender;
  const common = {
    'data-message-id': message.id,
    'data-direction': message.direction,
    ...(message.direction === 'out' && { 'data-delivery': message.delivery?.status ?? 'sent' }),
  };
  const content = message.content;
  if (sender.kind === 'system') {
    return (
      <div className="inbox-msg system" {...common}>
        <span className="inbox-system-text">
          {t('sender_system')} · <MessageContent content={content} /> · {f.time(message.createdAt)}
        </span>
        <Delivery message={message} reason={failure} />
      </div>
    );
  }
  const who = sender.kind === 'customer' ? customerName : sender.kind === 'robot' ? t('sender_robot') : (agentName ?? t('sender_agent'));
  const left = message.leftMessage;
  return (
    <div className={`inbox-msg ${message.direction} ${sender.kind}`} {...common}>
      <div className="inbox-msg-meta">
        {sender.kind === 'robot' && <span className="badge blue">{t('sender_robot')}</span>}
        {sender.kind !== 'robot' && <span>{who}</span>}
        {left && <span className="badge">{t('left_message')}</span>}
        <time dateTime={new Date(message.createdAt).toISOString()}>{f.dateTime(message.createdAt)}</time>
      </div>
      <div className="inbox-bubble-row">
        <div className="inbox-bubble">
          <MessageContent content={content} messageId={message.id} />
        </div>
        {message.direction === 'out' && <Delivery message={message} reason={failure} />}
      </div>
    </div>
  );
});

export function MessageList({ chat, customerName, agentName, groupName, events, earlier, notes = [] }: Props) {
  const t = useT(agentMessages);
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastId = useRef<string | undefined>(undefined);
  const firstId = useRef<string | undefined>(undefined);
  const heightBefore = useRef(0);
  const [unseen, setUnseen] = useState(false);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
    if (atBottom.current) setUnseen(false);
  };

  const toBottom = () => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(false);
  };

  useLayoutEffect(() => {
    const el = box.current;
    const first = chat.messages[0]?.id;
    const last = chat.messages.at(-1)?.id;
    if (!el) return;
    if (firstId.current !== undefined && first !== firstId.current && last === lastId.current) {
      el.scrollTop += el.scrollHeight - heightBefore.current; // older page prepended: stay put
    } else if (last !== lastId.current) {
      const mineJustSent = chat.messages.at(-1)?.direction === 'out' && chat.messages.at(-1)?.sender.kind === 'agent';
      if (atBottom.current || lastId.current === undefined || mineJustSent) toBottom();
      else setUnseen(true);
    }
    firstId.current = first;
    lastId.current = last;
    heightBefore.current = el.scrollHeight;
  }, [chat.messages]);

  // Images load after layout: keep following the bottom while they do.
  const onLoadCapture = () => {
    if (atBottom.current) toBottom();
    if (box.current) heightBefore.current = box.current.scrollHeight;
  };

  return (
    <div className="inbox-messages-wrap">
      <div className="inbox-messages" ref={box} onScroll={onScroll} onLoadCapture={onLoadCapture} aria-live="polite">
        {!chat.hasOlder && earlier !== undefined && chat.messages.length > 0 ? (
          earlier
        ) : (
          <div className="inbox-older">
            {chat.hasOlder ? (
              <button type="button" className="link" disabled={chat.loadingOlder} onClick={() => void chat.loadOlder()}>
                {chat.loadingOlder ? t('loading') : t('older')}
              </button>
            ) : (
              chat.messages.length > 0 && <span className="hint">{t('no_older')}</span>
            )}
          </div>
        )}
        {withNotes(interleave(chat.messages, events, chat.hasOlder), (i) => ('event' in i ? i.event.at : i.message.createdAt), notes).map(
          (item) =>
            'note' in item ? (
              <NoteLine key={item.note.id} note={item.note} agentName={agentName} />
            ) : 'event' in item ? (
              <TimelineLine key={item.key} event={item.event} agentName={agentName} groupName={groupName} />
            ) : (
              <Bubble
                key={item.message.id}
                message={item.message}
                customerName={customerName}
                agentName={item.message.sender.kind === 'agent' ? agentName(item.message.sender.agentId) : undefined}
                failure={chat.failures[item.message.id]}
              />
            ),
        )}
      </div>
      {unseen && (
        <button type="button" className="inbox-new-pill" onClick={toBottom}>
          {t('new_messages')}
        </button>
      )}
    </div>
  );
}
