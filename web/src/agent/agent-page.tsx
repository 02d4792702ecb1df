// The inbox (/app/inbox, /app/inbox/:conversationId): where agents live. Four lists (queued, mine, left
// messages, ended; `?list=left` opens on the left messages) beside the open conversation; on a phone they are two screens. Admins get the same screen as a
// monitor of every conversation of a channel: they may transfer and end, and reply only as an agent they
// pick (the conversation's own agent by default).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useRoute } from 'wouter';
import { api } from '../api/client';
import { ChannelSwitch } from './channel-switch';
import { agentIn, useChannel } from './use-channel';
import { useT } from '../i18n/i18n';
import { ChannelTimeZone } from '../session/channel-time-zone';
import { oversees, usePrincipal } from '../session/session';
import { beep, notify, unlockOnGesture, useMute, useNotificationPermission, useTitle } from './alerts';
import type { Conversation, Message } from '../api/types';
import type { ListKey } from './use-inbox';
import { ChatView } from './chat-view';
import { BellIcon, SoundIcon } from './icons';
import { ConversationList } from './conversation-list';
import { contentSummary } from './message-content';
import { agentMessages } from './messages';
import { StatusSelect } from './status-select';
import { customerLabel, loadCustomer, useDirectory } from './use-directory';
import { useInbox, type AlertKind } from './use-inbox';
import { initialTab, LeftWaitingNotice } from './left-waiting';
import { workMessages } from './work-messages';
import { ShortcutHelp, useConversationKeys, useShortcutListener } from './shortcuts';
import { SearchPanel } from './search-panel';
import './agent.css';
import './desk.css';

const TABS: ListKey[] = ['queued', 'mine', 'left', 'ended'];

function AlertControls() {
  const t = useT(agentMessages);
  const [muted, setMuted] = useMute();
  const [permission, ask] = useNotificationPermission();
  return (
    <>
      {permission === 'default' && (
        <button type="button" className="link" data-testid="enable-notifications" onClick={ask}>
          <BellIcon /> {t('enable_notifications')}
        </button>
      )}
      {permission === 'denied' && <span className="hint">{t('notifications_denied')}</span>}
      <button type="button" className="link" data-testid="mute-toggle" aria-pressed={muted} onClick={() => setMuted(!muted)}>
        <SoundIcon muted={muted} /> {muted ? t('unmute') : t('mute')}
      </button>
    </>
  );
}

export function AgentPage() {
  const t = useT(agentMessages);
  const tw = useT(workMessages);
  const principal = usePrincipal();
  const admin = oversees(principal);
  const { channelId, channels, setChannelId, error: channelError } = useChannel();
  const me = admin ? undefined : agentIn(principal, channelId);
  const directory = useDirectory(channelId);
  const [, params] = useRoute<{ conversationId: string }>('/:conversationId');
  const openId = params?.conversationId;
  const [, navigate] = useLocation();
  const [tab, setTab] = useState<ListKey>(() => initialTab(admin));
  const [leftWaiting, setLeftWaiting] = useState<number>();
  const [muted] = useMute();
  const [searching, setSearching] = useState(false);

  useEffect(() => unlockOnGesture(), []);

  const onAlert = useCallback(
    (kind: AlertKind, conversationId: string, message?: Message) => {
      if (!muted) beep();
      void (async () => {
        const c = await api.get<Conversation>(`/api/v1/conversations/${encodeURIComponent(conversationId)}`).catch(() => undefined);
        const customer = c ? await loadCustomer(c.customerId) : undefined;
        const name = customerLabel(customer, t('customer'));
        const body =
          kind === 'queued'
            ? t('notify_queued', { name })
            : kind === 'assigned'
              ? t('notify_assigned', { name })
              : t('notify_message', { name, text: message ? contentSummary(message.content, t) : '' });
        notify(t('notify_title'), body, `${kind}:${conversationId}`, () => navigate(`/${conversationId}`));
      })();
    },
    [muted, t, navigate],
  );

  const inbox = useInbox({ channelId, me, openId, onAlert });
  const { markRead } = inbox;
  useEffect(() => {
    if (openId) markRead(openId);
  }, [openId, markRead]);

  const unreadTotal = Object.values(inbox.unread).reduce((a, b) => a + b, 0);
  useTitle(t('title'), unreadTotal);

  // Mine: the most recent activity first.
  const lists = useMemo(() => {
    const activity = (c: Conversation) => inbox.previews[c.id]?.createdAt ?? c.assignedAt ?? c.createdAt;
    return { ...inbox.lists, mine: [...inbox.lists.mine].sort((a, b) => activity(b) - activity(a)) };
  }, [inbox.lists, inbox.previews]);

  useShortcutListener();
  useConversationKeys(
    useMemo(() => lists[tab].map((c) => c.id), [lists, tab]),
    openId,
    (id) => navigate(`/${id}`),
  );

  const take = useCallback(
    async (conversationId: string, leftMessage?: boolean) => {
      if (!me) return;
      inbox.expectChange(conversationId);
      const at = `/api/v1/conversations/${encodeURIComponent(conversationId)}`;
      if (leftMessage) await api.post(`${at}/take`, {});
      else await api.post(`${at}/transfer`, { to: { kind: 'agent', agentId: me } });
      inbox.reload();
      setTab('mine');
      navigate(`/${conversationId}`);
    },
    [me, inbox, navigate],
  );

  if (channelError)
    return (
      <main className="page">
        <p className="error">{channelError}</p>
      </main>
    );
  if (!channelId) {
    return (
      <main className="page">
        <p className="hint">{admin && principal.role === 'platform_admin' && channels.length === 0 ? t('no_channel') : t('loading')}</p>
      </main>
    );
  }

  const unreadIn = (key: ListKey) => lists[key].reduce((n, c) => n + (inbox.unread[c.id] ?? 0), 0);

  // Times in the channel's zone, not the browser's.
  const view = (
    <main className={`inbox ${openId ? 'has-open' : ''}`}>
      <section className="inbox-side" aria-label={t('title')}>
        <div className="inbox-side-head">
          {channels.length > 0 && (
            <ChannelSwitch className="inline" label={t('channel')} channels={channels} channelId={channelId} onChange={setChannelId} />
          )}
          {me && <StatusSelect agentId={me} onLeftWaiting={setLeftWaiting} />}
          <div className="row inbox-alert-controls">
            <AlertControls />
            <ShortcutHelp />
          </div>
        </div>
        {leftWaiting !== undefined && leftWaiting > 0 && (
          <LeftWaitingNotice
            count={leftWaiting}
            onOpen={() => {
              setTab('left');
              setLeftWaiting(undefined);
            }}
            onDismiss={() => setLeftWaiting(undefined)}
          />
        )}
        <SearchPanel channelId={channelId} directory={directory} active={searching} onActive={setSearching} />
        <div className="inbox-tabs" role="tablist" hidden={searching}>
          {TABS.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={tab === key ? 'inbox-tab active' : 'inbox-tab'}
              data-testid={`tab-${key}`}
              onClick={() => setTab(key)}
            >
              {key === 'left' ? tw('tab_left') : t(key === 'mine' && admin ? 'tab_active' : `tab_${key}`)}
              <span className="inbox-count">
                {lists[key].length}
                {key === 'ended' && inbox.endedMore.hasMore ? '+' : ''}
              </span>
              {unreadIn(key) > 0 && <span className="inbox-tab-dot" aria-hidden="true" />}
            </button>
          ))}
        </div>
        <div className="inbox-list-wrap" role="tabpanel" hidden={searching}>
          {inbox.error && (
            <div className="inbox-empty">
              <p className="error" role="alert">
                {inbox.error}
              </p>
              <button type="button" onClick={inbox.reload}>
                {t('retry')}
              </button>
            </div>
          )}
          {inbox.loading ? (
            <p className="inbox-empty hint">{t('loading')}</p>
          ) : (
            <ConversationList
              items={lists[tab]}
              list={tab}
              openId={openId}
              unread={inbox.unread}
              previews={inbox.previews}
              canTake={!admin && (tab === 'queued' || tab === 'left')}
              showAgent={admin}
              directory={directory}
              onTake={(id) => take(id, tab === 'left')}
              {...(tab === 'ended' && { more: inbox.endedMore })}
            />
          )}
        </div>
      </section>
      {openId ? (
        <ChatView
          key={openId}
          conversationId={openId}
          channelId={channelId}
          me={me}
          directory={directory}
          onBack={() => navigate('/')}
          onTake={take}
          expectChange={inbox.expectChange}
        />
      ) : (
        <section className="inbox-chat inbox-placeholder-pane">
          <p className="hint">{t('no_conversation')}</p>
        </section>
      )}
    </main>
  );
  return <ChannelTimeZone channelId={channelId}>{view}</ChannelTimeZone>;
}
