// The chat scrolls back past the open conversation's first message into the customer's previous
// conversations (read-only), one at a time, each under a divider with its date; "没有更早的消息了" only
// when there is no earlier conversation either. Loading keeps the view where it was.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Conversation, CustomerHistoryItem, Message } from '../api/types';
import { useFormatters, useT } from '../i18n/i18n';
import { HistoryAnnotations, ReadOnlyMessages } from './customer-history';
import { historyMessages } from './history-messages';
import { agentMessages } from './messages';
import { loadConversationBefore, loadConversationMessages } from './use-customer-history';
import type { Directory } from './use-directory';

interface Earlier {
  item: CustomerHistoryItem;
  messages: Message[];
}

/** Keeps the scroll position of the enclosing list when content is added above what the agent reads. */
function useKeepPosition(anchor: RefObject<HTMLDivElement | null>, deps: unknown) {
  const before = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const box = anchor.current?.closest('.inbox-messages');
    if (box && before.current !== undefined) box.scrollTop += box.scrollHeight - before.current;
    before.current = undefined;
  }, [anchor, deps]);
  return () => {
    before.current = anchor.current?.closest('.inbox-messages')?.scrollHeight;
  };
}

export function EarlierConversations(props: { conversation: Conversation; customerName: string; directory: Directory }) {
  const t = useT(agentMessages);
  const th = useT(historyMessages);
  const f = useFormatters();
  const [earlier, setEarlier] = useState<Earlier[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const remember = useKeepPosition(anchor, earlier);
  // A first-time customer sees "没有更早的消息了" at once, not a button that finds nothing.
  useEffect(() => {
    let live = true;
    loadConversationBefore(props.conversation.customerId, props.conversation.createdAt).then(
      (item) => live && item === undefined && setDone(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.conversation.customerId, props.conversation.createdAt]);
  const load = async () => {
    const oldest = earlier[0]?.item ?? props.conversation;
    setBusy(true);
    try {
      const item = await loadConversationBefore(props.conversation.customerId, oldest.createdAt);
      if (!item) return setDone(true);
      const messages = await loadConversationMessages(item.id);
      remember();
      setEarlier((list) => [{ item, messages }, ...list]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={anchor} className="earlier-conversations" data-testid="earlier-conversations">
      <div className="inbox-older">
        {done ? (
          <span className="hint">{earlier.length === 0 ? t('no_older') : th('earlier_none')}</span>
        ) : (
          <button type="button" className="link" data-testid="earlier-load" disabled={busy} onClick={() => void load()}>
            {busy ? t('loading') : th('earlier_conversation')}
          </button>
        )}
      </div>
      {earlier.map(({ item, messages }) => (
        <div key={item.id} className="earlier-conversation" data-testid="earlier-conversation" data-conversation={item.id}>
          <div className="inbox-timeline earlier-divider">{th('earlier_divider', { date: f.dateTime(item.createdAt) })}</div>
          <HistoryAnnotations conversation={item} directory={props.directory} />
          <ReadOnlyMessages messages={messages} customerName={props.customerName} directory={props.directory} />
        </div>
      ))}
    </div>
  );
}
