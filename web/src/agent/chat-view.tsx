// The open conversation: a header with the customer and the actions (take, transfer, end, profile), the
// history, the send window and the composer; the profile beside it (or as a sheet on a phone).
import { useCallback, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import type { Message, ReplyAnswer, ReplyPayload } from '../api/types';
import { Composer } from './composer';
import { EarlierConversations } from './earlier-conversations';
import { MessageList } from './message-list';
import { agentMessages } from './messages';
import { ProfilePanel } from './profile-panel';
import { SendWindowBar } from './send-window-bar';
import { useConversationEvents } from './timeline';
import { workMessages } from './work-messages';
import { TransferDialog } from './transfer-dialog';
import { useShortcut } from './shortcuts';
import { useChat } from './use-chat';
import { customerLabel, useCustomer, type Directory } from './use-directory';
import { usePrincipal } from '../session/session';
import { ConversationTags } from './conversation-tags';
import { NoteForm, useNotes } from './notes';

interface Props {
  conversationId: string;
  channelId: string;
  /** The agent I am; undefined for admins. */
  me: string | undefined;
  directory: Directory;
  onBack(): void;
  /** Takes a queued conversation, or (`leftMessage`) a left message. */
  onTake(conversationId: string, leftMessage?: boolean): Promise<void>;
  expectChange(conversationId: string): void;
}

/** What the local copy of a just-accepted reply shows until the server's own arrives. */
function localContent(p: ReplyPayload): Message['content'] | undefined {
  if ('text' in p) return { type: 'text', text: p.text };
  if ('image' in p) return { type: 'image', mediaId: p.image.media };
  if ('card' in p) return { type: 'miniprogrampage', title: p.card.title, pagePath: p.card.pagePath, thumbMediaId: p.card.thumbMedia };
  return undefined; // a knowledge entry: the server knows what it holds
}

export function ChatView({ conversationId, channelId, me, directory, onBack, onTake, expectChange }: Props) {
  const t = useT(agentMessages);
  const tw = useT(workMessages);
  const chat = useChat(conversationId);
  const c = chat.conversation;
  const customer = useCustomer(c?.customerId, true);
  const events = useConversationEvents(c);
  const notes = useNotes(conversationId);
  const [profileOpen, setProfileOpen] = useState(() => window.matchMedia('(min-width: 1100px)').matches);
  const [transferOpen, setTransferOpen] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [actAs, setActAs] = useState<string>('');
  const [taking, setTaking] = useState(false);
  const admin = me === undefined;
  const platformAdmin = usePrincipal().role === 'platform_admin';
  // One function for the composer's whole life, calling the latest reply (the composer is memoised).
  const latestReply = useRef<(payload: ReplyPayload) => Promise<void>>(async () => undefined);
  const onSend = useCallback((payload: ReplyPayload) => latestReply.current(payload), []);
  const actingAgent = admin ? actAs || c?.agentId || '' : me;
  // Alt+T and Alt+E (shortcuts.tsx) do what the header's buttons do, when they are shown.
  const keys = useRef<{ transfer?: () => void; end?: () => void }>({});
  useShortcut('transfer', () => keys.current.transfer?.());
  useShortcut('end', () => keys.current.end?.());

  if (chat.loading)
    return (
      <section className="inbox-chat">
        <p className="loading">{t('loading')}</p>
      </section>
    );
  if (chat.error || !c) {
    return (
      <section className="inbox-chat">
        <div className="inbox-chat-head">
          <button type="button" className="inbox-back" onClick={onBack}>
            ‹ {t('back')}
          </button>
        </div>
        <p className="error" role="alert">
          {chat.error}
        </p>
      </section>
    );
  }

  const name = customerLabel(customer, t('customer'));
  const mine = !admin && c.state === 'assigned' && c.agentId === me;
  // A colleague's conversation is read-only unless an admin allowed this agent to act on colleagues'.
  const onColleagues = !admin && c.state === 'assigned' && directory.agents.some((a) => a.id === me && a.canActOnColleagues === true);
  const canAct = admin || mine || onColleagues;
  // Said plainly, so the agent knows why nothing can be done here (the API refuses with 403 not_assignee).
  const colleague = !admin && !mine && c.state === 'assigned' ? directory.agents.find((a) => a.id === c.agentId) : undefined;
  const leftMessage = c.state === 'left_message';
  const windowShut = chat.window !== undefined && !chat.window.open;
  const blocked =
    c.state === 'ended'
      ? t('ended_hint')
      : !admin && leftMessage
        ? tw('take_to_reply')
        : colleague && !onColleagues
          ? t('colleague_read_only', { name: colleague.name })
          : !admin && !mine
            ? t('not_yours')
            : admin && !actingAgent
              ? t('act_as_none')
              : chat.window && !chat.window.open
                ? chat.window.reason === 'quota_used_up'
                  ? t('quota_used_up')
                  : t('window_closed')
                : undefined;

  const reply = async (payload: ReplyPayload) => {
    try {
      const r = await api.post<ReplyAnswer>(`/api/v1/conversations/${encodeURIComponent(c.id)}/reply`, {
        ...payload,
        ...(admin && { agentId: actingAgent }),
      });
      chat.setWindow(r.window);
      const content = localContent(payload);
      if (content) {
        chat.addLocal({
          id: r.messageId,
          channelId: c.channelId,
          conversationId: c.id,
          customerId: c.customerId,
          direction: 'out',
          sender: { kind: 'agent', agentId: actingAgent },
          content,
          createdAt: Date.now(),
          delivery: { status: 'pending' },
        });
      }
      void chat.refreshLatest().catch(() => undefined);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) chat.refreshWindow();
      throw err;
    }
  };
  latestReply.current = reply;

  const end = async () => {
    if (!window.confirm(t('end_confirm'))) return;
    setActionError(undefined);
    try {
      expectChange(c.id);
      await api.post(`/api/v1/conversations/${encodeURIComponent(c.id)}/end`, admin ? {} : { agentId: me });
      chat.refreshConversation();
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : String(err));
    }
  };

  keys.current = {
    ...(canAct && c.state !== 'ended' && { transfer: () => setTransferOpen(true) }),
    ...((canAct || leftMessage) && c.state !== 'ended' && { end: () => void end() }),
  };

  const take = async () => {
    setTaking(true);
    setActionError(undefined);
    try {
      await onTake(c.id, leftMessage);
      chat.refreshConversation();
      chat.refreshWindow();
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setTaking(false);
    }
  };

  return (
    <div className={`inbox-chat-area ${profileOpen ? 'with-profile' : ''}`}>
      <section className="inbox-chat" aria-label={name} data-conversation-open={c.id} data-state={c.state}>
        <div className="inbox-chat-head">
          <button type="button" className="inbox-back" onClick={onBack} aria-label={t('back')}>
            ‹
          </button>
          <div className="inbox-chat-title">
            <strong>{name}</strong>
            <span
              className={`badge ${c.state === 'assigned' ? 'green' : c.state === 'queued' ? 'blue' : ''}`}
              data-testid="conversation-state"
            >
              {t(`state_${c.state}`)}
            </span>
            {c.agentId && <span className="hint">{directory.agentName(c.agentId)}</span>}
            {c.state === 'queued' && c.queuePosition !== undefined && (
              <span className="hint" data-testid="queue-position">
                {tw('queue_position', { n: c.queuePosition })}
              </span>
            )}
          </div>
          <div className="inbox-chat-actions">
            {!admin && (c.state === 'queued' || leftMessage) && (
              <button type="button" className="primary" data-testid="take-button" disabled={taking} onClick={() => void take()}>
                {taking ? t('taking') : leftMessage ? tw('take_left') : t('take')}
              </button>
            )}
            {canAct && c.state !== 'ended' && (
              <button type="button" data-testid="transfer-button" onClick={() => setTransferOpen(true)}>
                {t('transfer')}
              </button>
            )}
            {(canAct || leftMessage) && c.state !== 'ended' && (
              <button type="button" className="danger" data-testid="end-button" onClick={() => void end()}>
                {t('end')}
              </button>
            )}
            <button
              type="button"
              className={profileOpen ? 'inbox-profile-toggle active' : 'inbox-profile-toggle'}
              aria-pressed={profileOpen}
              data-testid="profile-toggle"
              onClick={() => setProfileOpen(!profileOpen)}
              aria-label={t('profile')}
            >
              <span className="inbox-wide">{t('profile')}</span>
              <span className="inbox-narrow">{t('profile_short')}</span>
            </button>
          </div>
        </div>
        {actionError && (
          <p className="error inbox-action-error" role="alert">
            {actionError}
          </p>
        )}
        {admin && c.state !== 'ended' && (
          <div className="inbox-act-as row">
            <span className="hint">{t('admin_monitor')}</span>
            <label className="inline">
              {t('act_as')}
              <select name="actAs" data-testid="act-as" value={actingAgent} onChange={(e) => setActAs(e.target.value)}>
                <option value="">{t('act_as_none')}</option>
                {directory.agents
                  .filter((a) => a.merchantId === c.merchantId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        )}
        <ConversationTags
          conversationId={c.id}
          channelId={channelId}
          merchantId={platformAdmin ? (c.merchantId ?? 'platform') : undefined}
          canEdit={canAct}
        />
        <MessageList
          chat={chat}
          customerName={name}
          agentName={directory.agentName}
          groupName={directory.groupName}
          events={events}
          earlier={<EarlierConversations key={c.id} conversation={c} customerName={name} directory={directory} />}
          notes={notes.notes}
        />
        {c.state !== 'ended' && canAct && <SendWindowBar window={chat.window} />}
        {c.state !== 'ended' ? (
          <Composer
            key={c.id}
            conversationId={c.id}
            channelId={channelId}
            merchantId={platformAdmin ? (c.merchantId ?? 'platform') : undefined}
            blocked={blocked}
            showBlocked={!windowShut}
            onSend={onSend}
          />
        ) : (
          <p className="inbox-ended hint">{t('ended_hint')}</p>
        )}
        <NoteForm conversationId={c.id} onAdded={notes.reload} />
      </section>
      {profileOpen && <div className="inbox-sheet-backdrop" aria-hidden="true" onClick={() => setProfileOpen(false)} />}
      {profileOpen && <ProfilePanel customer={customer} conversation={c} directory={directory} onClose={() => setProfileOpen(false)} />}
      {transferOpen && (
        <TransferDialog
          conversation={c}
          directory={directory}
          me={me}
          onStart={() => expectChange(c.id)}
          onDone={() => chat.refreshConversation()}
          onClose={() => setTransferOpen(false)}
        />
      )}
    </div>
  );
}
