// The three lists of the inbox (queued, mine, ended) kept live from the notices: a notice is a hint, so
// list changes reload the lists (debounced), while new messages only touch the previews and unread counts.
// The list route gives each conversation's newest message (the previews); ended conversations come a page
// at a time, older pages on demand (`before`), and a reload keeps the older pages already shown.
// `onAlert` is told about what deserves the agent's attention (a new customer waiting, a conversation
// given to me, a customer's message in one of mine that is not on screen).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Conversation, ConversationList, Message } from '../api/types';
import { useNotices } from '../live/live';

/** The inbox's three lists. */
export type ListKey = 'queued' | 'mine' | 'ended';

export type AlertKind = 'queued' | 'assigned' | 'message';
export interface Preview {
  message: Message;
}

interface Options {
  channelId: string | undefined;
  /** The agent I am; undefined for admins, who see every conversation of the channel. */
  me: string | undefined;
  openId: string | undefined;
  onAlert(kind: AlertKind, conversationId: string, message?: Message): void;
}

export interface Inbox {
  lists: Record<ListKey, Conversation[]>;
  loading: boolean;
  error: string | undefined;
  unread: Record<string, number>;
  previews: Record<string, Message | undefined>;
  /** Older ended conversations: whether there are more, and loading them. */
  endedMore: { hasMore: boolean; loading: boolean; error: string | undefined; load(): void };
  reload(): void;
  markRead(conversationId: string): void;
  /** Remember that I caused this change (taking, transferring) so it does not alert me. */
  expectChange(conversationId: string): void;
}

const EMPTY: Record<ListKey, Conversation[]> = { queued: [], mine: [], ended: [] };
const ENDED_PAGE = 30;

type Item = ConversationList['items'][number];

/** The most recently ended first. */
const endedOrder = (a: Conversation, b: Conversation) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt);

function unique<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** Whether `m` is newer than the preview shown (ids, time-sortable, break ties). */
const newer = (m: Message, than: Message | undefined) => !than || m.createdAt > than.createdAt || (m.createdAt === than.createdAt && m.id > than.id);

async function lastMessage(conversationId: string): Promise<Message | undefined> {
  const r = await api.get<{ items: Message[] }>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { limit: 1 });
  return r.items.at(-1);
}

export function useInbox({ channelId, me, openId, onAlert }: Options): Inbox {
  const [lists, setLists] = useState(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [unread, setUnread] = useState<Record<string, number>>({});
  const [previews, setPreviews] = useState<Record<string, Message | undefined>>({});
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const known = useRef({ queued: new Set<string>(), mine: new Set<string>() });
  const mine = useRef(new Set<string>());
  const expected = useRef(new Map<string, number>());
  /** Ended conversations loaded with "more", and the cursor after them. */
  const older = useRef<{ items: Item[]; next: number | undefined }>({ items: [], next: undefined });
  const [endedNext, setEndedNext] = useState<number>();
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreError, setMoreError] = useState<string>();

  const absorbPreviews = useCallback((items: Item[]) => {
    setPreviews((p) => {
      let next = p;
      for (const c of items) {
        if (c.lastMessage && newer(c.lastMessage, next[c.id])) next = { ...next, [c.id]: c.lastMessage };
      }
      return next;
    });
  }, []);

  const load = useCallback(async () => {
    if (!channelId) return;
    const mySeq = ++seq.current;
    const base = `/api/v1/channels/${encodeURIComponent(channelId)}/conversations`;
    try {
      const [q, m, e] = await Promise.all([
        api.get<ConversationList>(base, { state: 'queued', limit: 200 }),
        api.get<ConversationList>(base, { state: 'assigned', agentId: me, limit: 200 }),
        api.get<ConversationList>(base, { state: 'ended', agentId: me, limit: ENDED_PAGE }),
      ]);
      if (mySeq !== seq.current) return;
      const queued = [...q.items].sort((a, b) => a.createdAt - b.createdAt); // the longest wait first
      // Older pages already shown stay (what lies beyond the fresh first page); none when it is the last.
      const cut = e.nextBefore;
      const kept = cut === undefined ? [] : older.current.items.filter((c) => c.createdAt < cut);
      older.current = { items: kept, next: kept.length > 0 ? older.current.next : cut };
      setEndedNext(older.current.next);
      const ended = unique([...e.items, ...kept]).sort(endedOrder);
      absorbPreviews([...q.items, ...m.items, ...e.items]);
      setLists({ queued, mine: m.items, ended });
      known.current = { queued: new Set(queued.map((c) => c.id)), mine: new Set(m.items.map((c) => c.id)) };
      mine.current = known.current.mine;
      setError(undefined);
    } catch (err) {
      if (mySeq === seq.current) setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      if (mySeq === seq.current) setLoading(false);
    }
  }, [channelId, me, absorbPreviews]);

  const loadMore = useCallback(() => {
    const before = older.current.next;
    if (!channelId || before === undefined || moreLoading) return;
    const base = `/api/v1/channels/${encodeURIComponent(channelId)}/conversations`;
    setMoreLoading(true);
    setMoreError(undefined);
    api.get<ConversationList>(base, { state: 'ended', agentId: me, limit: ENDED_PAGE, before }).then(
      (r) => {
        setMoreLoading(false);
        if (older.current.next !== before) return; // a reload moved the cursor meanwhile
        older.current = { items: unique([...older.current.items, ...r.items]), next: r.nextBefore };
        setEndedNext(r.nextBefore);
        absorbPreviews(r.items);
        setLists((l) => ({ ...l, ended: unique([...l.ended, ...r.items]).sort(endedOrder) }));
      },
      (err: unknown) => {
        setMoreLoading(false);
        setMoreError(err instanceof ApiError ? err.message : String(err));
      },
    );
  }, [channelId, me, moreLoading, absorbPreviews]);

  const reload = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), 250);
  }, [load]);

  useEffect(() => {
    setLoading(true);
    setLists(EMPTY);
    older.current = { items: [], next: undefined };
    setEndedNext(undefined);
    setMoreError(undefined);
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load]);

  const markRead = useCallback((id: string) => setUnread((u) => (u[id] ? { ...u, [id]: 0 } : u)), []);
  const expectChange = useCallback((id: string) => expected.current.set(id, Date.now()), []);
  const isExpected = (id: string) => {
    const at = expected.current.get(id);
    return at !== undefined && Date.now() - at < 10_000;
  };

  const onMessage = (conversationId: string, message: Message | undefined, listed: boolean) => {
    if (!message && !listed) return; // a robot's conversation, say: nothing of it on screen
    const withMessage = async () => message ?? (await lastMessage(conversationId).catch(() => undefined));
    void withMessage().then((m) => {
      if (!m) return;
      setPreviews((p) => (newer(m, p[conversationId]) ? { ...p, [conversationId]: m } : p));
      const isMine = me !== undefined && mine.current.has(conversationId);
      if (!isMine || m.direction !== 'in') return;
      const onScreen = conversationId === openId && !document.hidden;
      if (onScreen) return;
      if (conversationId !== openId) setUnread((u) => ({ ...u, [conversationId]: (u[conversationId] ?? 0) + 1 }));
      onAlert('message', conversationId, m);
    });
  };

  useNotices((n) => {
    if (n.type === 'ready') return void load();
    if ('channelId' in n && channelId && n.channelId !== channelId) return;
    if (n.type === 'queue_changed') return reload();
    if (n.type === 'conversation_changed') {
      reload();
      if (isExpected(n.conversationId)) return;
      if (n.state === 'queued' && !known.current.queued.has(n.conversationId)) {
        known.current.queued.add(n.conversationId);
        onAlert('queued', n.conversationId);
      } else if (me !== undefined && n.state === 'assigned' && n.agentId === me && n.previousAgentId !== me && !known.current.mine.has(n.conversationId)) {
        known.current.mine.add(n.conversationId);
        mine.current.add(n.conversationId);
        onAlert('assigned', n.conversationId);
      }
      return;
    }
    if (n.type === 'message_added') {
      // No reload for a conversation not in the lists (the robot's, say): one entering a list announces
      // itself with conversation_changed, and reloading per message cost every open page 3 requests.
      const listed = known.current.queued.has(n.conversationId) || known.current.mine.has(n.conversationId);
      onMessage(n.conversationId, n.message, listed);
    }
  });

  const endedMore = useMemo(
    () => ({ hasMore: endedNext !== undefined, loading: moreLoading, error: moreError, load: loadMore }),
    [endedNext, moreLoading, moreError, loadMore],
  );

  return { lists, loading, error, unread, previews, endedMore, reload, markRead, expectChange };
}
