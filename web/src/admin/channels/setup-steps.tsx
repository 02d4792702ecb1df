// The channel setup in the order that works: 1) save the Token, EncodingAESKey and mode here, 2) submit
// the same values in WeChat's console (which verifies the URL right then, with the Token it was given),
// 3) watch "URL verified" and "first push received" turn green. The channel is read again every few
// seconds while the form is open, so step 3 follows what WeChat does without a reload.
import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { Channel } from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { channelPath } from '../admin-context';
import { setupMessages } from './setup-messages';

const POLL_MS = 2000;

/** Reads the channel every POLL_MS while mounted and hands a changed one to `onChanged`. */
export function useLiveChannel(channel: Channel | undefined, onChanged: (c: Channel) => void): void {
  const latest = useRef({ channel, onChanged });
  latest.current = { channel, onChanged };
  const id = channel?.id;
  useEffect(() => {
    if (id === undefined) return;
    const ctrl = new AbortController();
    const timer = setInterval(() => {
      void api.get<Channel>(channelPath(id), undefined, ctrl.signal).then(
        (fresh) => {
          const seen = latest.current.channel;
          const moved = (k: keyof Channel) => fresh[k] !== seen?.[k];
          if (moved('lastVerifiedAt') || moved('lastPushAt') || moved('updatedAt') || moved('previousValidUntil'))
            latest.current.onChanged(fresh);
        },
        () => undefined, // a missed round (network, logout) is retried by the next one
      );
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
  }, [id]);
}

export function Step({
  n,
  title,
  hint,
  done,
  testId,
  children,
}: {
  n: number;
  title: string;
  hint?: string;
  done: boolean;
  testId: string;
  children?: ReactNode;
}) {
  const t = useT(setupMessages);
  return (
    <section className="admin-step" data-testid={testId} data-state={done ? 'done' : 'waiting'}>
      <h3>
        <span className={done ? 'admin-step-number done' : 'admin-step-number'}>{done ? '✓' : n}</span> {title}{' '}
        <span className={done ? 'badge green' : 'badge'}>{done ? t('state_done') : t('state_waiting')}</span>
      </h3>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}

function Indicator({ on, testId, children }: { on: boolean; testId: string; children: ReactNode }) {
  return (
    <p className={on ? 'admin-indicator on' : 'admin-indicator'} data-testid={testId} data-state={on ? 'on' : 'off'}>
      <span className="admin-indicator-dot" aria-hidden="true" />
      {children}
    </p>
  );
}

/** Whether WeChat verified the URL since the push settings last changed (a change pending: not yet). */
export function verifiedState(c: Channel | undefined, now: number): 'never' | 'stale' | 'verified' {
  if (!c || c.lastVerifiedAt === null) return 'never';
  const pending = c.previousValidUntil !== null && c.previousValidUntil > now;
  return pending && c.lastVerifiedAt < c.updatedAt ? 'stale' : 'verified';
}

/** Step 3: the two lights. */
export function LiveIndicators({ channel }: { channel: Channel | undefined }) {
  const t = useT(setupMessages);
  const f = useFormatters();
  const verified = verifiedState(channel, Date.now());
  const pushed = channel?.lastPushAt ?? null;
  return (
    <div className="admin-indicators">
      <Indicator on={verified === 'verified'} testId="indicator-verified">
        {verified === 'verified' && channel?.lastVerifiedAt != null
          ? t('verified_at', { time: f.dateTime(channel.lastVerifiedAt) })
          : verified === 'stale'
            ? t('verified_stale')
            : t('not_verified')}
      </Indicator>
      <Indicator on={pushed !== null} testId="indicator-first-push">
        {pushed !== null ? t('first_push_at', { time: f.dateTime(pushed) }) : t('no_push')}
      </Indicator>
    </div>
  );
}
