// One open conversation: the conversation, its messages (newest page first, older pages on demand with
// `before`), the customer's send window, kept live from the notices. WeChat's answer to a reply arrives as
// message_delivered or delivery_failed; a slow poll of the newest page stays as a fallback while a reply
// is pending (a notice lost in a reconnect must not leave a clock on it for good).
import { useCallback, useEffect, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import { api, ApiError } from '../api/client';
import { useNotices, type Notice } from '../live/live';
import type { Conversation, Delivery, Message, SendWindow } from '../api/types';

const PAGE = 50;
const WINDOW_REFRESH_MS = 2000;
/** The fallback poll while a reply is pending: notices normally settle it long before. */
const PENDING_POLL_MS = 10_000;
const PENDING_POLL_TRIES = 30;
const path = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;

/**
 * Oldest first; ids (ULIDs) break ties within one millisecond. `settled`: outcomes the notices told
 * before the message itself arrived (a reply's 202 can come after WeChat already took it).
 */
function merge(current: Message[], incoming: Message[], settled?: ReadonlyMap<string, Delivery>): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) {
    const known = settled?.get(m.id);
    byId.set(m.id, known && m.delivery?.status === 'pending' ? { ...m, delivery: known } : m);
  }
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

type SetMessages = Dispatch<SetStateAction<Message[]>>;
/** The conversation open now: an answer that comes back for another one is dropped. */
type OpenId = MutableRefObject<string>;

function useConversation(conversationId: string, current: OpenId) {
  const [conversation, setConversation] = useState<Conversation>();
  const refreshConversation = useCallback(() => {
    const id = conversationId;
    api.get<Conversation>(path(id)).then(
      (c) => current.current === id && setConversation(c),
      () => undefined,
    );
  }, [conversationId, current]);
  return { conversation, setConversation, refreshConversation };
}

function useSendWindow(conversationId: string, current: OpenId) {
  const [window_, setWindow] = useState<SendWindow>();
  const refreshWindow = useCallback(() => {
    const id = conversationId;
    api.get<SendWindow>(`${path(id)}/send-window`).then(
      (w) => current.current === id && setWindow(w),
      () => undefined,
    );
  }, [conversationId, current]);

  // A customer writing fast must not cost a request per message: the window is read at most every 2 s,
  // the last change always included (trailing call). Our own replies answer with the window anyway.
  const windowTimer = useRef<{ last: number; pending: number | undefined }>({ last: 0, pending: undefined });
  const refreshWindowSoon = useCallback(() => {
    const t = windowTimer.current;
    if (t.pending !== undefined) return;
    const wait = Math.max(0, t.last + WINDOW_REFRESH_MS - Date.now());
    t.pending = window.setTimeout(() => {
      t.pending = undefined;
      t.last = Date.now();
      refreshWindow();
    }, wait);
  }, [refreshWindow]);
  useEffect(() => () => window.clearTimeout(windowTimer.current.pending), [conversationId]);
  return { window: window_, setWindow, refreshWindow, refreshWindowSoon };
}

/** Replies' outcomes the notices told: applied to the messages shown, kept for those still to come. */
function useDeliveries(setMessages: SetMessages) {
  const settled = useRef(new Map<string, Delivery>());
  const [failures, setFailures] = useState<Record<string, string>>({});
  /** Records an outcome a notice told and applies it to the message if it is already shown. */
  const settle = (messageId: string, delivery: Delivery) => {
    settled.current.set(messageId, delivery);
    setMessages((list) => list.map((m) => (m.id === messageId && m.delivery?.status !== delivery.status ? { ...m, delivery } : m)));
  };
  const fail = (messageId: string, reason: string) => {
    setFailures((f) => ({ ...f, [messageId]: reason }));
    settle(messageId, { status: 'failed', at: Date.now(), reason });
  };
  const forgetDeliveries = useCallback(() => {
    setFailures({});
    settled.current = new Map();
  }, []);
  return { settled, failures, settle, fail, forgetDeliveries };
}

function useOlderPages(conversationId: string, messages: Message[], setMessages: SetMessages) {
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
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
  }, [conversationId, messages, loadingOlder, setMessages]);
  return { hasOlder, setHasOlder, loadingOlder, loadOlder };
}

interface FirstPageDeps {
  setConversation(c: Conversation | undefined): void;
  setMessages: SetMessages;
  setHasOlder(more: boolean): void;
  setWindow(w: SendWindow | undefined): void;
  refreshWindow(): void;
  forgetDeliveries(): void;
}

/** On opening a conversation: forget the previous one, then load it, its newest page and its window. */
function useFirstPage(conversationId: string, deps: FirstPageDeps) {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const { setConversation, setMessages, setHasOlder, setWindow, refreshWindow, forgetDeliveries } = deps;
  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(undefined);
    setMessages([]);
    setConversation(undefined);
    setWindow(undefined);
    forgetDeliveries();
    Promise.all([
      api.get<Conversation>(path(conversationId)),
      api.get<{ items: Message[] }>(`${path(conversationId)}/messages`, { limit: PAGE }),
    ]).then(
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
  }, [conversationId, refreshWindow, setConversation, setMessages, setHasOlder, setWindow, forgetDeliveries]);
  return { loading, error };
}

/** Pending replies: the notices settle them; a slow poll of the newest page covers a notice that was lost. */
function usePendingPoll(messages: Message[], refreshLatest: () => Promise<void>): void {
  const pending = messages.some((m) => m.direction === 'out' && m.delivery?.status === 'pending');
  useEffect(() => {
    if (!pending) return;
    let tries = 0;
    const id = window.setInterval(() => {
      if (++tries > PENDING_POLL_TRIES) window.clearInterval(id);
      void refreshLatest().catch(() => undefined);
    }, PENDING_POLL_MS);
    return () => window.clearInterval(id);
  }, [pending, refreshLatest]);
}

interface NoticeDeps extends ReturnType<typeof useDeliveries> {
  conversationId: string;
  setMessages: SetMessages;
  refreshLatest(): Promise<void>;
  refreshConversation(): void;
  refreshWindow(): void;
  refreshWindowSoon(): void;
}

/** A notice about the open conversation: a message to show, a state, or a reply's outcome. */
function onConversationNotice(deps: NoticeDeps, n: Notice): void {
  if (n.type === 'message_added') {
    const message = n.message;
    if (message) deps.setMessages((m) => merge(m, [message], deps.settled.current));
    else void deps.refreshLatest().catch(() => undefined);
    if (message?.direction !== 'out') deps.refreshWindowSoon(); // a customer's message reopens the window
  } else if (n.type === 'conversation_changed') {
    deps.refreshConversation();
    deps.refreshWindowSoon();
  } else if (n.type === 'message_delivered') {
    deps.settle(n.messageId, { status: 'sent', at: n.at, ...(n.inDoubt && { inDoubt: true }) });
  } else if (n.type === 'delivery_failed') {
    deps.fail(n.messageId, n.reason);
    void deps.refreshLatest().catch(() => undefined);
    deps.refreshWindow();
  }
}

function useChatNotices(deps: NoticeDeps): void {
  useNotices((n) => {
    if (n.type === 'ready') {
      void deps.refreshLatest().catch(() => undefined);
      deps.refreshConversation();
      deps.refreshWindow();
      return;
    }
    if (!('conversationId' in n) || n.conversationId !== deps.conversationId) return;
    onConversationNotice(deps, n);
  });
}

export function useChat(conversationId: string): Chat {
  const current = useRef(conversationId);
  current.current = conversationId;
  const [messages, setMessages] = useState<Message[]>([]);
  const { conversation, setConversation, refreshConversation } = useConversation(conversationId, current);
  const sendWindow = useSendWindow(conversationId, current);
  const deliveries = useDeliveries(setMessages);
  const { settled } = deliveries;
  const refreshLatest = useCallback(async () => {
    const id = conversationId;
    const r = await api.get<{ items: Message[] }>(`${path(id)}/messages`, { limit: 20 });
    if (current.current === id) setMessages((m) => merge(m, r.items, settled.current));
  }, [conversationId, settled]);
  const older = useOlderPages(conversationId, messages, setMessages);
  const { loading, error } = useFirstPage(conversationId, {
    setConversation,
    setMessages,
    setHasOlder: older.setHasOlder,
    ...sendWindow,
    ...deliveries,
  });
  usePendingPoll(messages, refreshLatest);
  useChatNotices({ conversationId, setMessages, refreshLatest, refreshConversation, ...sendWindow, ...deliveries });
  const addLocal = useCallback((m: Message) => setMessages((list) => merge(list, [m], settled.current)), [settled]);
  const { hasOlder, loadingOlder, loadOlder } = older;
  const { window: window_, refreshWindow, setWindow } = sendWindow;
  return {
    conversation,
    messages,
    window: window_,
    loading,
    error,
    hasOlder,
    loadingOlder,
    failures: deliveries.failures,
    loadOlder,
    refreshLatest,
    refreshWindow,
    refreshConversation,
    setWindow,
    addLocal,
  };
}
