// Today at a glance for one channel (and, for platform admins, all merchants, the platform's own team
// or one merchant): conversation counts (the left messages' link to the workbench's list), who waits, agents by status, response and wait times. It
// reloads on queue and conversation notices (at most every 2 s) and every 30 s.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api/client';
import type { Dashboard } from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { useNotices } from '../../live/live';
import { channelPath, useAdmin } from '../admin-context';
import { TimesCard } from '../reports/report-summary';
import { MerchantPicker } from '../scope-pickers';
import { ChannelScreen } from '../screen';
import { LoadState } from '../ui';
import { useLoad } from '../use-load';
import { CsatCard } from './csat-card';
import { dashboardMessages } from './messages';

const MIN_INTERVAL_MS = 2000;
const POLL_MS = 30_000;

function Stat({ label, value, warn, href }: { label: string; value: string; warn?: boolean; href?: string }) {
  const body = (
    <>
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </>
  );
  const className = warn ? 'admin-stat warn' : 'admin-stat';
  // A count of work links to where that work is done (the workbench's list).
  return href ? (
    <Link href={href} className={className} style={{ color: 'inherit', textDecoration: 'none' }} data-testid="stat-link">
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}

/** The workbench's list of left messages (outside the admin console's nested routes: `~` leaves every base, the app's included). */
const LEFT_LIST = '~/app/inbox?list=left';

function DashboardBody({ channelId, merchantId }: { channelId: string; merchantId: string }) {
  const t = useT(dashboardMessages);
  const f = useFormatters();
  const [loadedAt, setLoadedAt] = useState<number | undefined>(undefined);
  const state = useLoad(`${channelId}|${merchantId}`, async (signal) => {
    const d = await api.get<Dashboard>(channelPath(channelId, '/dashboard'), { merchantId }, signal);
    setLoadedAt(Date.now());
    return d;
  });

  // Live: coalesce bursts of notices into at most one reload per MIN_INTERVAL_MS.
  const lastReload = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload } = state;
  const schedule = () => {
    if (timer.current) return;
    const wait = Math.max(0, lastReload.current + MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastReload.current = Date.now();
      reload();
    }, wait);
  };
  useNotices((n) => {
    if (n.type === 'ready') return schedule();
    if (n.type !== 'queue_changed' && n.type !== 'conversation_changed' && n.type !== 'agent_changed') return;
    if (n.channelId !== channelId) return;
    schedule();
  });
  useEffect(() => {
    const id = setInterval(() => {
      lastReload.current = Date.now();
      reload();
    }, POLL_MS);
    return () => {
      clearInterval(id);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  return (
    <LoadState state={state}>
      {(d) => (
        <div className="stack">
          <div className="row">
            <span className="hint">{t('today_zone', { date: d.day.date, zone: d.day.timeZone })}</span>
            <span className="spacer" />
            {loadedAt && (
              <span className="hint" aria-live="polite">
                {t('updated', { time: f.time(loadedAt) })}
              </span>
            )}
            <button type="button" className="link" onClick={reload} disabled={state.loading}>
              {t('refresh')}
            </button>
          </div>
          <div className="admin-stats">
            <Stat label={t('conversations_today')} value={f.number(d.conversations.today)} />
            <Stat label={t('ended')} value={f.number(d.conversations.ended)} />
            <Stat label={t('left_messages')} value={f.number(d.conversations.leftMessages)} href={LEFT_LIST} />
            <Stat label={t('left_waiting')} value={f.number(d.leftWaiting)} warn={d.leftWaiting > 0} href={LEFT_LIST} />
            <Stat label={t('robot_only')} value={f.number(d.conversations.robotOnly)} />
            <Stat label={t('waiting')} value={f.number(d.waiting)} warn={d.waiting > 0} />
          </div>
          <h2>{t('agents')}</h2>
          <div className="admin-stats">
            <Stat label={t('online')} value={f.number(d.agents.online)} />
            <Stat label={t('busy')} value={f.number(d.agents.busy)} />
            <Stat label={t('invisible')} value={f.number(d.agents.invisible)} />
            <Stat label={t('offline')} value={f.number(d.agents.offline)} />
          </div>
          <div className="admin-times">
            <TimesCard title={t('first_response')} times={d.firstResponseMs} />
            <TimesCard title={t('wait')} times={d.waitMs} />
            <CsatCard csat={d.csat} />
          </div>
        </div>
      )}
    </LoadState>
  );
}

export function DashboardScreen() {
  const t = useT(dashboardMessages);
  const { isPlatform } = useAdmin();
  const [merchantId, setMerchantId] = useState('');
  return (
    <ChannelScreen
      testId="dashboard"
      title={t('title')}
      tools={isPlatform && <MerchantPicker value={merchantId} onChange={setMerchantId} allowAll />}
    >
      {(channelId) => <DashboardBody key={channelId} channelId={channelId} merchantId={isPlatform ? merchantId : ''} />}
    </ChannelScreen>
  );
}
