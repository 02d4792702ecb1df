// One of the inbox's lists: each conversation with its customer, the last message, how long it has
// waited, its unread count, and for queued ones and left messages (with what WeChat's window still allows)
// a button to take it.
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { useFormatters, useT } from '../i18n/i18n';
import type { Conversation, ConversationList, Message, SendWindow } from '../api/types';
import type { Inbox, ListKey } from './use-inbox';
import { Avatar } from './avatar';
import { contentSummary } from './message-content';
import { agentMessages } from './messages';
import { customerLabel, useCustomer, type Directory } from './use-directory';
import { workMessages } from './work-messages';

interface ItemProps {
  conversation: Conversation;
  list: ListKey;
  active: boolean;
  unread: number;
  preview: Message | undefined;
  canTake: boolean;
  showAgent: boolean;
  directory: Directory;
  onTake(id: string): Promise<void>;
}

function Item({ conversation: c, list, active, unread, preview, canTake, showAgent, directory, onTake }: ItemProps) {
  const t = useT(agentMessages);
  const f = useFormatters();
  const tw = useT(workMessages);
  const customer = useCustomer(c.customerId);
  const [taking, setTaking] = useState(false);
  const [error, setError] = useState<string>();
  const name = customerLabel(customer, t('customer'));
  const waitingSince = c.customerWaitingSince;
  const at = list === 'ended' ? (c.endedAt ?? c.createdAt) : (preview?.createdAt ?? c.assignedAt ?? c.createdAt);
  const listed = c as ConversationList['items'][number];
  const window_ = listed.window;
  // A left message shows what the customer wrote (our own leave-a-message prompt is often the newest).
  const shown = list === 'left' && preview?.direction !== 'in' ? (listed.lastCustomerMessage ?? preview) : preview;

  const take = async () => {
    setTaking(true);
    setError(undefined);
    try {
      await onTake(c.id);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setTaking(false);
    }
  };

  return (
    <li className={`inbox-item ${active ? 'active' : ''} ${unread > 0 ? 'unread' : ''}`} data-conversation-id={c.id} data-state={c.state}>
      <Link href={`/${c.id}`} className="inbox-item-link" aria-current={active ? 'page' : undefined}>
        <Avatar url={customer?.avatarUrl} name={name} />
        <span className="inbox-item-main">
          <span className="inbox-item-top">
            <span className="inbox-item-name">{name}</span>
            <time className="inbox-item-time">{f.time(at)}</time>
          </span>
          <span className="inbox-item-preview">{shown ? contentSummary(shown.content, t) : ' '}</span>
          <span className="inbox-item-tags">
            {list === 'queued' && <span className="badge blue">{t('waiting_since', { d: f.duration(Date.now() - c.createdAt) })}</span>}
            {list === 'mine' && waitingSince !== undefined && preview?.direction === 'in' && (
              <span className="badge red">{t('waiting_since', { d: f.duration(Date.now() - waitingSince) })}</span>
            )}
            {list === 'left' && <LeftTags since={c.leftMessageAt ?? c.createdAt} window={window_} />}
            {showAgent && c.agentId && <span className="badge">{directory.agentName(c.agentId)}</span>}
            {c.groupId && <span className="badge">{directory.groupName(c.groupId)}</span>}
          </span>
        </span>
        {unread > 0 && (
          <span className="inbox-unread" aria-label={`${unread}`} data-testid="unread-badge">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      {canTake && (
        <button type="button" className="primary inbox-take" data-testid="take-button" disabled={taking} onClick={() => void take()}>
          {taking ? t('taking') : list === 'left' ? tw('take_left') : t('take')}
        </button>
      )}
      {error && (
        <p className="error inbox-item-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** A left message: how long ago it was left, and whether (and how much) the customer can still be answered. */
function LeftTags({ since, window: w }: { since: number; window: SendWindow | undefined }) {
  const tw = useT(workMessages);
  const f = useFormatters();
  return (
    <>
      <span className="badge blue">{tw('left_since', { d: f.duration(Date.now() - since) })}</span>
      {w && (
        <span className={w.open ? 'badge green' : 'badge red'} data-testid="left-window" data-open={w.open}>
          {!w.open ? tw('window_shut') : w.remaining > 999 ? tw('window_can_reply') : tw('window_sends', { n: w.remaining })}
        </span>
      )}
    </>
  );
}

interface Props extends Omit<ItemProps, 'conversation' | 'active' | 'unread' | 'preview'> {
  items: Conversation[];
  openId: string | undefined;
  unread: Record<string, number>;
  previews: Record<string, Message | undefined>;
  /** Older pages (the ended list). */
  more?: Inbox['endedMore'];
}

function More({ more }: { more: Inbox['endedMore'] }) {
  const t = useT(agentMessages);
  if (!more.hasMore && !more.error) return null;
  return (
    <div className="inbox-more">
      {more.error && (
        <p className="error" role="alert">
          {more.error}
        </p>
      )}
      {more.hasMore && (
        <button type="button" className="link" data-testid="load-more-ended" onClick={more.load} disabled={more.loading}>
          {more.loading ? t('loading') : t('load_more')}
        </button>
      )}
    </div>
  );
}

export function ConversationList({ items, list, openId, unread, previews, more, ...rest }: Props) {
  const t = useT(agentMessages);
  const tw = useT(workMessages);
  if (items.length === 0) return <p className="inbox-empty hint">{list === 'left' ? tw('empty_left') : t(`empty_${list}`)}</p>;
  return (
    <>
      <ul className="inbox-list" data-list={list}>
        {items.map((c) => (
          <Item
            key={c.id}
            conversation={c}
            list={list}
            active={c.id === openId}
            unread={unread[c.id] ?? 0}
            preview={previews[c.id]}
            {...rest}
          />
        ))}
      </ul>
      {more && <More more={more} />}
    </>
  );
}
