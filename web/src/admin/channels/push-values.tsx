// What to paste into WeChat's console: the push URL always, the Token and EncodingAESKey only while this
// page holds them (just generated); after saving they are gone for good, so "regenerate" is the way back.
import { useT } from '../../i18n/i18n';
import { ConfirmButton, CopyButton } from '../ui';
import { channelMessages } from './messages';
import type { PushSecrets } from './secrets';

function Value({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono" data-value={value}>
        {value}
      </dd>
      <dd>
        <CopyButton value={value} />
      </dd>
    </>
  );
}

export function PushValues({
  pushUrl,
  secrets,
  mode,
  format,
  isNew,
  regenerated,
  onRegenerate,
}: {
  pushUrl: string;
  secrets: PushSecrets | undefined;
  mode: string;
  format: string;
  isNew: boolean;
  regenerated: boolean;
  onRegenerate(): void;
}) {
  const t = useT(channelMessages);
  return (
    <section className="admin-push" data-testid="push-values" aria-label={t('push_title')}>
      <h3>{t('push_title')}</h3>
      <dl>
        <Value label={t('push_url')} value={pushUrl} />
        {secrets && <Value label={t('push_token')} value={secrets.token} />}
        {secrets && <Value label={t('push_aes')} value={secrets.encodingAesKey} />}
        <dt>{t('push_mode')}</dt>
        <dd>{t(`mode_${mode}` as 'mode_secure')}</dd>
        <dd />
        <dt>{t('push_format')}</dt>
        <dd>{format.toUpperCase()}</dd>
        <dd />
      </dl>
      {secrets ? (
        <p className="notice">{regenerated && !isNew ? t('push_regenerated') : t('push_note')}</p>
      ) : (
        <p className="hint">{t('push_hidden')}</p>
      )}
      {!isNew && (
        <div className="admin-actions">
          <ConfirmButton label={t('regenerate')} question={t('regenerate_q')} onConfirm={onRegenerate} testId="channel-regenerate" />
        </div>
      )}
    </section>
  );
}
