// The inbox's live side: what the notices change in it. A change of the lists reloads them (debounced by
// use-inbox.ts); a new message only touches its preview and unread count. `onAlert` is told what deserves
// the agent's attention (a new customer waiting, a conversation given to me, a customer's message in one
// of mine that is not on screen).
import { useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { Conversation, Message } from '../api/types';
import { useNotices, type Notice } from '../live/live';

export type AlertKind = 'queued' | 'assigned' | 'message';
export interface InboxOptions {
  channelId: string | undefined;
  /** The agent I am; undefined for admins, who see every conversation of the channel. */
  me: string | undefined;
  openId: string | undefined;
  onAlert(kind: AlertKind, conversationId: string, message?: Message): void;
}

/** The conversation ids in my lists as last loaded (plus those assigned to me since), for the alerts. */
export interface Known {
  has(list: 'queued' | 'mine', conversationId: string): boolean;
  add(list: 'queued' | 'mine', conversationId: string): void;
  /** After a load: the lists as loaded. */
  remember(queued: Conversation[], mine: Conversation[]): void;
}

export function useKnown(): Known {
  const known = useRef({ queued: new Set<string>(), mine: new Set<string>() });
  return useMemo(
    () => ({
      has: (list, id) => known.current[list].has(id),
      add: (list, id) => void known.current[list].add(id),
      remember: (queued, mine) => {
        known.current = { queued: new Set(queued.map((c) => c.id)), mine: new Set(mine.map((c) => c.id)) };
      },
    }),
    [],
  );
}

async function lastMessage(conversationId: string): Promise<Message | undefined> {
  const r = await api.get<{ items: Message[] }>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { limit: 1 });
  return r.items.at(-1);
}

export interface NoticeDeps extends InboxOptions {
  known: Known;
  load(): Promise<void>;
  reload(): void;
  isExpected(id: string): boolean;
  showPreview(conversationId: string, m: Message): void;
  countUnread(conversationId: string): void;
}

/** A message: its preview; for a customer's message in one of mine not on screen, an unread count and an alert. */
function onMessageAdded(deps: NoticeDeps, conversationId: string, message: Message | undefined, listed: boolean): void {
  const { me, openId, onAlert, known, showPreview, countUnread } = deps;
  if (!message && !listed) return; // a robot's conversation, say: nothing of it on screen
  const withMessage = async () => message ?? (await lastMessage(conversationId).catch(() => undefined));
  void withMessage().then((m) => {
    if (!m) return;
    showPreview(conversationId, m);
    const isMine = me !== undefined && known.has('mine', conversationId);
    if (!isMine || m.direction !== 'in') return;
    const onScreen = conversationId === openId && !document.hidden;
    if (onScreen) return;
    if (conversationId !== openId) countUnread(conversationId);
    onAlert('message', conversationId, m);
  });
}

/** A conversation changed: reload the lists; alert a newly queued one, or one newly given to me, unless I caused it. */
function onConversationChanged(deps: NoticeDeps, n: Extract<Notice, { type: 'conversation_changed' }>): void {
  const { me, onAlert, known, reload, isExpected } = deps;
  reload();
  if (isExpected(n.conversationId)) return;
  if (n.state === 'queued' && !known.has('queued', n.conversationId)) {
    known.add('queued', n.conversationId);
    onAlert('queued', n.conversationId);
  } else if (
    me !== undefined &&
    n.state === 'assigned' &&
    n.agentId === me &&
    n.previousAgentId !== me &&
    !known.has('mine', n.conversationId)
  ) {
    known.add('mine', n.conversationId);
    onAlert('assigned', n.conversationId);
  }
}

export function useInboxNotices(deps: NoticeDeps): void {
  useNotices((n) => {
    if (n.type === 'ready') return void deps.load();
    if ('channelId' in n && deps.channelId && n.channelId !== deps.channelId) return;
    if (n.type === 'queue_changed') return deps.reload();
    if (n.type === 'conversation_changed') return onConversationChanged(deps, n);
    if (n.type === 'message_added') {
      // No reload for a conversation not in the lists (the robot's, say): one entering a list announces
      // itself with conversation_changed, and reloading per message cost every open page 3 requests.
      const listed = deps.known.has('queued', n.conversationId) || deps.known.has('mine', n.conversationId);
      onMessageAdded(deps, n.conversationId, n.message, listed);
    }
  });
}
