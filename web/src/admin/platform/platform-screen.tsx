// The open platform's screen for platform admins, in the order that works: (1) the platform's values from
// WeChat's open-platform console, saved here; (2) the URLs to enter there, after which WeChat pushes a
// component_verify_ticket every 10 minutes, shown here when it arrived; (3) then 扫码授权 in "new channel".
// Below, every account that authorized the platform, with its state and missing permissions.
import { api } from '../../api/client';
import type { Authorization, Platform } from '../../api/platform-types';
import type { List } from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { LoadedTable } from '../data-table';
import { Screen } from '../screen';
import { CopyButton, LoadState } from '../ui';
import { useLoad } from '../use-load';
import { MissingPermissions } from './authorization-state';
import { platformMessages } from './messages';
import { PlatformForm } from './platform-form';

function Url({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono" data-testid={testId} data-value={value}>
        {value}
      </dd>
      <dd>
        <CopyButton value={value} />
      </dd>
    </>
  );
}

function TicketState({ platform, onRefresh }: { platform: Platform; onRefresh(): void }) {
  const t = useT(platformMessages);
  const f = useFormatters();
  const at = platform.ticketReceivedAt;
  const text =
    at === null
      ? t('ticket_none')
      : platform.ticketValid
        ? t('ticket_valid', { time: f.dateTime(at) })
        : t('ticket_stale', { time: f.dateTime(at) });
  return (
    <div className="row" data-testid="platform-ticket" data-valid={platform.ticketValid ? 'yes' : 'no'}>
      <strong>{t('ticket')}：</strong>
      <span className={platform.ticketValid ? 'badge green' : 'badge'}>{text}</span>
      <button type="button" data-testid="platform-refresh" onClick={onRefresh}>
        {t('refresh')}
      </button>
    </div>
  );
}

function PlatformUrls({ platform }: { platform: Platform }) {
  const t = useT(platformMessages);
  return (
    <section className="admin-push" data-testid="platform-urls" aria-label={t('step2')}>
      <p className="hint">{t('step2')}</p>
      <dl>
        <Url label={t('events_url')} value={`${location.origin}${platform.eventsPath}`} testId="platform-events-url" />
        <Url label={t('messages_url')} value={`${location.origin}${platform.messagesPath}`} testId="platform-messages-url" />
        <Url label={t('redirect_domain')} value={location.host} testId="platform-redirect-domain" />
      </dl>
    </section>
  );
}

function Authorizations() {
  const t = useT(platformMessages);
  const f = useFormatters();
  const list = useLoad('authorizations', (signal) =>
    api.get<List<Authorization>>('/api/v1/platform/authorizations', undefined, signal).then((r) => r.items),
  );
  return (
    <section aria-label={t('authorizations')}>
      <h3>{t('authorizations')}</h3>
      <LoadedTable
        state={list}
        rowKey={(a) => a.appId}
        empty={t('no_authorizations')}
        columns={[
          { header: 'AppID', cell: (a) => a.appId, className: 'mono' },
          { header: t('auth_state'), cell: (a) => t(`state_${a.state}`) },
          { header: t('auth_since'), cell: (a) => f.dateTime(a.authorizedAt), className: 'admin-nowrap' },
          { header: t('missing'), cell: (a) => <MissingPermissions authorization={a} compact /> },
        ]}
      />
    </section>
  );
}

export function PlatformScreen() {
  const t = useT(platformMessages);
  const platform = useLoad('platform', (signal) => api.get<Platform>('/api/v1/platform', undefined, signal));
  return (
    <Screen title={t('title')} testId="platform-screen">
      <p className="hint">{t('intro')}</p>
      <LoadState state={platform}>
        {(p) => (
          <>
            <PlatformForm platform={p} onSaved={(saved) => platform.setData(() => saved)} />
            {p.configured && <PlatformUrls platform={p} />}
            {p.configured && <TicketState platform={p} onRefresh={platform.reload} />}
            {p.ticketValid && <p className="hint">{t('step3')}</p>}
            {p.configured && <Authorizations />}
          </>
        )}
      </LoadState>
    </Screen>
  );
}
