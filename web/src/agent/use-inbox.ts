// The four lists of the inbox (queued, mine, left messages, ended), kept live from the notices (inbox-notices.ts): a
// notice is a hint, so list changes reload the lists (debounced), while new messages only touch the
// previews and unread counts. The list route gives each conversation's newest message (the previews);
// ended conversations come a page at a time, older pages on demand (`before`), and a reload keeps the
// older pages already shown.
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { api, ApiError } from '../api/client';
import type { Conversation, ConversationList, Message } from '../api/types';
import { useInboxNotices, useKnown, type InboxOptions } from './inbox-notices';

/** The inbox's lists; `left`: the left messages (留言) of my merchant waiting for anyone to take them. */
export type ListKey = 'queued' | 'mine' | 'left' | 'ended';

export type { AlertKind } from './inbox-notices';

export interface Preview {
  message: Message;
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

const EMPTY: Record<ListKey, Conversation[]> = { queued: [], mine: [], left: [], ended: [] };
const ENDED_PAGE = 30;

type Item = ConversationList['items'][number];

/** The newest left message first. */
const leftOrder = (a: Conversation, b: Conversation) => (b.leftMessageAt ?? b.createdAt) - (a.leftMessageAt ?? a.createdAt);

/** The most recently ended first. */
const endedOrder = (a: Conversation, b: Conversation) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt);

function unique<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** Whether `m` is newer than the preview shown (ids, time-sortable, break ties). */
const newer = (m: Message, than: Message | undefined) =>
  !than || m.createdAt > than.createdAt || (m.createdAt === than.createdAt && m.id > than.id);

function usePreviews() {
  const [previews, setPreviews] = useState<Record<string, Message | undefined>>({});
  const absorbPreviews = useCallback((items: Item[]) => {
    setPreviews((p) => {
      let next = p;
      for (const c of items) {
        if (c.lastMessage && newer(c.lastMessage, next[c.id])) next = { ...next, [c.id]: c.lastMessage };
      }
      return next;
    });
  }, []);
  const showPreview = useCallback(
    (conversationId: string, m: Message) => setPreviews((p) => (newer(m, p[conversationId]) ? { ...p, [conversationId]: m } : p)),
    [],
  );
  return { previews, absorbPreviews, showPreview };
}

function useUnread() {
  const [unread, setUnread] = useState<Record<string, number>>({});
  const markRead = useCallback((id: string) => setUnread((u) => (u[id] ? { ...u, [id]: 0 } : u)), []);
  const countUnread = useCallback((id: string) => setUnread((u) => ({ ...u, [id]: (u[id] ?? 0) + 1 })), []);
  return { unread, markRead, countUnread };
}

/** Changes I caused (taking, transferring) in the last 10 s: they do not alert me. */
function useExpectedChanges() {
  const expected = useRef(new Map<string, number>());
  const expectChange = useCallback((id: string) => expected.current.set(id, Date.now()), []);
  const isExpected = (id: string) => {
    const at = expected.current.get(id);
    return at !== undefined && Date.now() - at < 10_000;
  };
  return { expectChange, isExpected };
}

type SetLists = Dispatch<SetStateAction<Record<ListKey, Conversation[]>>>;
const conversationsPath = (channelId: string) => `/api/v1/channels/${encodeURIComponent(channelId)}/conversations`;

/** Where "more" continues: the older ended conversations loaded so far and the cursor after them. */
function useEndedCursor() {
  const older = useRef<{ items: Item[]; next: number | undefined }>({ items: [], next: undefined });
  const [endedNext, setEndedNext] = useState<number>();
  const move = useCallback((items: Item[], next: number | undefined) => {
    older.current = { items, next };
    setEndedNext(next);
  }, []);
  /** On a reload: the older pages beyond the fresh first page (`cut`) stay, none when it is the last; answers them. */
  const keepBeyond = useCallback(
    (cut: number | undefined) => {
      const kept = cut === undefined ? [] : older.current.items.filter((c) => c.createdAt < cut);
      move(kept, kept.length > 0 ? older.current.next : cut);
      return kept;
    },
    [move],
  );
  return { older, endedNext, move, keepBeyond };
}

/** Older ended conversations, loaded a page at a time with "more". */
function useEndedPages(channelId: string | undefined, me: string | undefined, absorbPreviews: (items: Item[]) => void, setLists: SetLists) {
  const { older, endedNext, move, keepBeyond } = useEndedCursor();
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  const forgetPages = useCallback(() => {
    move([], undefined);
    setMoreError(undefined);
  }, [move]);

  const loadMore = useCallback(() => {
    const before = older.current.next;
    if (!channelId || before === undefined || moreLoading) return;
    setMoreLoading(true);
    setMoreError(undefined);
    api.get<ConversationList>(conversationsPath(channelId), { state: 'ended', agentId: me, limit: ENDED_PAGE, before }).then(
      (r) => {
        setMoreLoading(false);
        if (older.current.next !== before) return; // a reload moved the cursor meanwhile
        move(unique([...older.current.items, ...r.items]), r.nextBefore);
        absorbPreviews(r.items);
        setLists((l) => ({ ...l, ended: unique([...l.ended, ...r.items]).sort(endedOrder) }));
      },
      (err: unknown) => {
        setMoreLoading(false);
        setMoreError(err instanceof ApiError ? err.message : String(err));
      },
    );
  }, [channelId, me, moreLoading, absorbPreviews, setLists, older, move]);

  const endedMore = useMemo(
    () => ({ hasMore: endedNext !== undefined, loading: moreLoading, error: moreError, load: loadMore }),
    [endedNext, moreLoading, moreError, loadMore],
  );
  return { endedMore, keepBeyond, forgetPages };
}

/** The lists' first pages: the whole queue, mine, the left messages, and the newest page of the ended ones. */
function firstPages(channelId: string, me: string | undefined) {
  const base = conversationsPath(channelId);
  return Promise.all([
    api.get<ConversationList>(base, { state: 'queued', limit: 200 }),
    api.get<ConversationList>(base, { state: 'assigned', agentId: me, limit: 200 }),
    api.get<ConversationList>(base, { state: 'ended', agentId: me, limit: ENDED_PAGE }),
    api.get<ConversationList>(base, { state: 'left_message', limit: 200 }),
  ]);
}

interface ListsDeps {
  channelId: string | undefined;
  me: string | undefined;
  setLists: SetLists;
  absorbPreviews(items: Item[]): void;
  pages: ReturnType<typeof useEndedPages>;
  known: ReturnType<typeof useKnown>;
}

/** The lists' first pages, loaded on mount and on `reload` (debounced); the latest load wins. */
function useListsLoader({ channelId, me, setLists, absorbPreviews, pages, known }: ListsDeps) {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const { keepBeyond, forgetPages } = pages;

  const load = useCallback(async () => {
    if (!channelId) return;
    const mySeq = ++seq.current;
    try {
      const [q, m, e, l] = await firstPages(channelId, me);
      if (mySeq !== seq.current) return;
      const queued = [...q.items].sort((a, b) => a.createdAt - b.createdAt); // the longest wait first
      const ended = unique([...e.items, ...keepBeyond(e.nextBefore)]).sort(endedOrder);
      absorbPreviews([...q.items, ...m.items, ...e.items, ...l.items]);
      setLists({ queued, mine: m.items, left: [...l.items].sort(leftOrder), ended });
      known.remember(queued, m.items);
      setError(undefined);
    } catch (err) {
      if (mySeq === seq.current) setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      if (mySeq === seq.current) setLoading(false);
    }
  }, [channelId, me, absorbPreviews, keepBeyond, setLists, known]);

  const reload = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), 250);
  }, [load]);

  useEffect(() => {
    setLoading(true);
    setLists(EMPTY);
    forgetPages();
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load, forgetPages, setLists]);

  return { load, reload, loading, error };
}

export function useInbox(options: InboxOptions): Inbox {
  const { channelId, me } = options;
  const [lists, setLists] = useState(EMPTY);
  const known = useKnown();
  const { previews, absorbPreviews, showPreview } = usePreviews();
  const { unread, markRead, countUnread } = useUnread();
  const { expectChange, isExpected } = useExpectedChanges();
  const pages = useEndedPages(channelId, me, absorbPreviews, setLists);
  const { load, reload, loading, error } = useListsLoader({ channelId, me, setLists, absorbPreviews, pages, known });
  useInboxNotices({ ...options, known, load, reload, isExpected, showPreview, countUnread });
  return { lists, loading, error, unread, previews, endedMore: pages.endedMore, reload, markRead, expectChange };
}
