// The profile panel's list of the customer's conversations (and the same person's on the team's other
// channels, linked by a verified UnionID), each opening read-only in a dialog with its tags and internal
// notes.
import { useEffect, useState } from 'react';
import type { CustomerHistoryItem, Message } from '../api/types';
import { useFormatters, useT } from '../i18n/i18n';
import { historyMessages } from './history-messages';
import { Bubble } from './message-list';
import { CsatLine } from './csat-line';
import { TranscriptLinks } from './transcript-links';
import { contentSummary } from './message-content';
import { agentMessages } from './messages';
import { Modal } from './modal';
import { ConversationTags } from './conversation-tags';
import { NoteLine, useNotes } from './notes';
import { usePrincipal } from '../session/session';
import { useEndReason } from './timeline';
import './history.css';
import { loadConversationMessages, useCustomerHistory } from './use-customer-history';
import type { Directory } from './use-directory';

/** A past conversation's tags and internal notes, read-only. */
export function HistoryAnnotations({ conversation, directory }: { conversation: CustomerHistoryItem; directory: Directory }) {
  const platformAdmin = usePrincipal().role === 'platform_admin';
  const { notes } = useNotes(conversation.id);
  return (
    <div className="history-annotations" data-testid="history-annotations">
      <ConversationTags
        conversationId={conversation.id}
        channelId={conversation.channelId}
        merchantId={platformAdmin ? (conversation.merchantId ?? 'platform') : undefined}
        canEdit={false}
      />
      {notes.map((note) => (
        <NoteLine key={note.id} note={note} agentName={directory.agentName} />
      ))}
    </div>
  );
}

/** One conversation's messages, read-only (nothing here can reply, transfer or end). */
export function ReadOnlyMessages({
  messages,
  customerName,
  directory,
}: {
  messages: Message[];
  customerName: string;
  directory: Directory;
}) {
  return (
    <>
      {messages.map((m) => (
        <Bubble
          key={m.id}
          message={m}
          customerName={customerName}
          agentName={m.sender.kind === 'agent' ? directory.agentName(m.sender.agentId) : undefined}
          failure={undefined}
        />
      ))}
    </>
  );
}

function HistoryDialog(props: { item: CustomerHistoryItem; customerName: string; directory: Directory; onClose(): void }) {
  const th = useT(historyMessages);
  const f = useFormatters();
  const [messages, setMessages] = useState<Message[] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadConversationMessages(props.item.id).then(setMessages, (e: unknown) => setError(String(e)));
  }, [props.item.id]);
  return (
    <Modal title={`${th('history_read_only')} · ${f.dateTime(props.item.createdAt)}`} onClose={props.onClose}>
      <div className="history-dialog inbox-messages" data-testid="history-dialog" data-conversation={props.item.id}>
        <HistoryAnnotations conversation={props.item} directory={props.directory} />
        <TranscriptLinks conversationId={props.item.id} />
        {error && <p className="error">{error}</p>}
        {messages?.length === 0 && <p className="hint">{th('history_no_messages')}</p>}
        {messages && <ReadOnlyMessages messages={messages} customerName={props.customerName} directory={props.directory} />}
      </div>
    </Modal>
  );
}

function HistoryRow({ item, directory, onOpen }: { item: CustomerHistoryItem; directory: Directory; onOpen(): void }) {
  const t = useT(agentMessages);
  const th = useT(historyMessages);
  const f = useFormatters();
  const endReason = useEndReason();
  return (
    <li className="history-item" data-testid="history-item" data-conversation={item.id} data-linked={item.linked}>
      <button type="button" className="link" onClick={onOpen} title={th('history_open')}>
        {f.dateTime(item.createdAt)}
      </button>{' '}
      <span className="badge">{t(`state_${item.state}`)}</span>
      {item.linked && (
        <span className="badge blue" title={th('history_linked_hint')}>
          {th('history_linked', { channel: item.channelId })}
        </span>
      )}
      <div className="hint">
        {item.linked ? item.agentId : directory.agentName(item.agentId)}
        {item.endReason && ` · ${endReason(item.endReason)}`}
      </div>
      {item.lastMessage && <div className="history-preview">{contentSummary(item.lastMessage.content, t)}</div>}
      <CsatLine conversation={item} />
    </li>
  );
}

export function CustomerHistory(props: { customerId: string; currentId: string; customerName: string; directory: Directory }) {
  const th = useT(historyMessages);
  const { items, hasMore, more } = useCustomerHistory(props.customerId);
  const [open, setOpen] = useState<CustomerHistoryItem>();
  if (!items) return null;
  const others = items.filter((i) => i.id !== props.currentId);
  return (
    <section data-testid="customer-history">
      <h3>{th('history')}</h3>
      {others.length === 0 && <p className="hint">{th('history_empty')}</p>}
      <ul className="history-list">
        {others.map((item) => (
          <HistoryRow key={item.id} item={item} directory={props.directory} onOpen={() => setOpen(item)} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="link" onClick={() => void more()}>
          {th('history_more')}
        </button>
      )}
      {open && (
        <HistoryDialog item={open} customerName={props.customerName} directory={props.directory} onClose={() => setOpen(undefined)} />
      )}
    </section>
  );
}
