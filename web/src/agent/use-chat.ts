// One open conversation: the conversation, its messages (newest page first, older pages on demand with
// `before`), the customer's send window, kept live from the notices. WeChat's delivery of a reply raises
// no notice when it succeeds, so while a reply is pending the newest page is polled until it settles.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useNotices } from '../live/live';
import type { Conversation, Message, SendWindow } from './agent-types';

const PAGE = 50;
const path = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;

/** Oldest first; ids (ULIDs) break ties within one millisecond. */
function merge(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface Chat {
  conversation: Conversation | undefined;
  messages: Message[];
  window: SendWindow | undefined;
  loading: boolean;
  error: string | undefined;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** Failure reasons from delivery_failed notices, by message id. */
  failures: Record<string, string>;
  loadOlder(): Promise<void>;
  refreshLatest(): Promise<void>;
  refreshWindow(): void;
  refreshConversation(): void;
  setWindow(w: SendWindow): void;
  addLocal(m: Message): void;
}

export function useChat(conversationId: string): Chat {
  const [conversation, setConversation] = useState<Conversation>();
  const [messages, setMessages] = useState<Message[]>([]);
  const [window_, setWindow] = useState<SendWindow>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const current = useRef(conversationId);
  current.current = conversationId;

  const refreshConversation = useCallback(() => {
    const id = conversationId;
    api.get<Conversation>(path(id)).then((c) => current.current === id && setConversation(c), () => undefined);
  }, [conversationId]);

  const refreshWindow = useCallback(() => {
    const id = conversationId;
    api.get<SendWindow>(`${path(id)}/send-window`).then((w) => current.current === id && setWindow(w), () => undefined);
  }, [conversationId]);

  const refreshLatest = useCallback(async () => {
    const id = conversationId;
    const r = await api.get<{ items: Message[] }>(`${path(id)}/messages`, { limit: 20 });
    if (current.current === id) setMessages((m) => merge(m, r.items));
  }, [conversationId]);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(undefined);
    setMessages([]);
    setConversation(undefined);
    setWindow(undefined);
    setFailures({});
    Promise.all([api.get<Conversation>(path(conversationId)), api.get<{ items: Message[] }>(`${path(conversationId)}/messages`, { limit: PAGE })]).then(
      ([c, m]) => {
        if (!alive) return;
        setConversation(c);
        setMessages(merge([], m.items));
        setHasOlder(m.items.length === PAGE);
        setLoading(false);
      },
      (err: unknown) => {
        if (!alive) return;
        setError(err instanceof ApiError ? err.message : String(err));
        setLoading(false);
      },
    );
    refreshWindow();
    return () => {
      alive = false;
    };
  }, [conversationId, refreshWindow]);

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    try {
      // `before` is an instant: messages of the same millisecond as the first one come back again, and merge drops them.
      const r = await api.get<{ items: Message[] }>(`${path(conversationId)}/messages`, { limit: PAGE, before: first.createdAt });
      setMessages((m) => merge(m, r.items));
      setHasOlder(r.items.length === PAGE);
    } finally {
      setLoadingOlder(false);
    }
  }, [conversationId, messages, loadingOlder]);

  // Pending replies: poll the newest page until WeChat's answer is recorded (a failure also has a notice).
  const pending = messages.some((m) => m.direction === 'out' && m.delivery?.status === 'pending');
  useEffect(() => {
    if (!pending) return;
    let tries = 0;
    const id = window.setInterval(() => {
      if (++tries > 40) window.clearInterval(id);
      void refreshLatest().catch(() => undefined);
    }, 1500);
    return () => window.clearInterval(id);
  }, [pending, refreshLatest]);

  useNotices((n) => {
    if (n.type === 'ready') {
      void refreshLatest().catch(() => undefined);
      refreshConversation();
      refreshWindow();
      return;
    }
    if (!('conversationId' in n) || n.conversationId !== conversationId) return;
    if (n.type === 'message_added') {
      if (n.message) setMessages((m) => merge(m, [n.message as Message]));
      else void refreshLatest().catch(() => undefined);
      refreshWindow();
    } else if (n.type === 'conversation_changed') {
      refreshConversation();
      refreshWindow();
    } else if (n.type === 'delivery_failed') {
      setFailures((f) => ({ ...f, [n.messageId]: n.reason }));
      setMessages((list) => list.map((m) => (m.id === n.messageId ? { ...m, delivery: { status: 'failed', reason: n.reason } } : m)));
      void refreshLatest().catch(() => undefined);
      refreshWindow();
    }
  });

  const addLocal = useCallback((m: Message) => setMessages((list) => merge(list, [m])), []);

  return {
    conversation, messages, window: window_, loading, error, hasOlder, loadingOlder, failures,
    loadOlder, refreshLatest, refreshWindow, refreshConversation, setWindow, addLocal,
  };
}
