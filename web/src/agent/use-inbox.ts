// The three lists of the inbox (queued, mine, ended) kept live from the notices: a notice is a hint, so
// list changes reload the lists (debounced), while new messages only touch the previews and unread counts.
// `onAlert` is told about what deserves the agent's attention (a new customer waiting, a conversation
// given to me, a customer's message in one of mine that is not on screen).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { ConversationList } from '../api/types';
import { useNotices } from '../live/live';
import type { Conversation, ListKey, Message } from './agent-types';

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
  reload(): void;
  markRead(conversationId: string): void;
  ensurePreview(conversationId: string): void;
  /** Remember that I caused this change (taking, transferring) so it does not alert me. */
  expectChange(conversationId: string): void;
}

const EMPTY: Record<ListKey, Conversation[]> = { queued: [], mine: [], ended: [] };

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
  const asked = useRef(new Set<string>());

  const load = useCallback(async () => {
    if (!channelId) return;
    const mySeq = ++seq.current;
    const base = `/api/v1/channels/${encodeURIComponent(channelId)}/conversations`;
    try {
      const [q, m, e] = await Promise.all([
        api.get<ConversationList>(base, { state: 'queued', limit: 200 }),
        api.get<ConversationList>(base, { state: 'assigned', agentId: me, limit: 200 }),
        api.get<ConversationList>(base, { state: 'ended', agentId: me, limit: 30 }),
      ]);
      if (mySeq !== seq.current) return;
      const queued = [...q.items].sort((a, b) => a.createdAt - b.createdAt); // the longest wait first
      const ended = [...e.items].sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt));
      setLists({ queued, mine: m.items, ended });
      known.current = { queued: new Set(queued.map((c) => c.id)), mine: new Set(m.items.map((c) => c.id)) };
      mine.current = known.current.mine;
      setError(undefined);
    } catch (err) {
      if (mySeq === seq.current) setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      if (mySeq === seq.current) setLoading(false);
    }
  }, [channelId, me]);

  const reload = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), 250);
  }, [load]);

  useEffect(() => {
    setLoading(true);
    setLists(EMPTY);
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load]);

  const ensurePreview = useCallback((id: string) => {
    if (asked.current.has(id)) return;
    asked.current.add(id);
    lastMessage(id).then((m) => setPreviews((p) => (p[id] ? p : { ...p, [id]: m })), () => undefined);
  }, []);

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
      setPreviews((p) => ({ ...p, [conversationId]: m }));
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
      const listed = known.current.queued.has(n.conversationId) || known.current.mine.has(n.conversationId);
      if (!listed) reload();
      onMessage(n.conversationId, n.message, listed);
    }
  });

  return { lists, loading, error, unread, previews, reload, markRead, ensurePreview, expectChange };
}
