// What WeChat did lately and where a change stands: when it last verified the push URL and last pushed,
// and, after a change of Token, EncodingAESKey or mode, until when the previous values are still
// accepted, with "end now" once WeChat's console holds the new ones.
import { api } from '../../api/client';
import type { Channel } from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { channelPath } from '../admin-context';
import { ErrorLine } from '../form-parts';
import { useSubmit } from '../use-load';
import { channelMessages } from './messages';

export function ChannelActivity({ channel, onChanged }: { channel: Channel; onChanged(saved: Channel): void }) {
  const t = useT(channelMessages);
  const f = useFormatters();
  const end = useSubmit();
  const when = (ms: number | null) => (ms === null ? t('never') : f.dateTime(ms));
  const inGrace = channel.previousValidUntil !== null && channel.previousValidUntil > Date.now();
  const endNow = () =>
    void end.run(async () => {
      onChanged(await api.post<Channel>(channelPath(channel.id, '/end-grace'), {}));
    });
  return (
    <section className="admin-push" data-testid="channel-activity" aria-label={t('activity_title')}>
      <h3>{t('activity_title')}</h3>
      <dl>
        <dt>{t('last_verified')}</dt>
        <dd>{when(channel.lastVerifiedAt)}</dd>
        <dd />
        <dt>{t('last_push')}</dt>
        <dd>{when(channel.lastPushAt)}</dd>
        <dd />
      </dl>
      {inGrace && channel.previousValidUntil !== null && (
        <div className="admin-actions">
          <p className="notice" data-testid="channel-grace">
            {t('grace_until', {
              time: f.dateTime(channel.previousValidUntil),
              mode: t(`mode_${channel.previousMode ?? channel.mode}` as 'mode_secure'),
            })}
          </p>
          <button type="button" data-testid="channel-end-grace" onClick={endNow} disabled={end.busy}>
            {t('grace_end')}
          </button>
        </div>
      )}
      <ErrorLine error={end.error} />
    </section>
  );
}
