// Step 2: what to submit in WeChat's console, each with a copy button: the push URL (with a warning when
// WeChat could not reach it), the Token and EncodingAESKey while this page holds them, mode and format.
import { useT } from '../../i18n/i18n';
import { CopyButton } from '../ui';
import { channelMessages } from './messages';
import { pushUrlProblems, type PushUrlProblem } from './push-url-check';
import type { PushSecrets } from './secrets';
import { setupMessages } from './setup-messages';

function Value({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono" data-value={value} data-testid={testId}>
        {value}
      </dd>
      <dd>
        <CopyButton value={value} />
      </dd>
    </>
  );
}

/** Why WeChat could not reach the URL, one sentence each; or that it looks right. */
export function PushUrlWarning({ url, fromBrowser }: { url: string; fromBrowser: boolean }) {
  const t = useT(setupMessages);
  const problems = pushUrlProblems(url);
  const say = (p: PushUrlProblem) =>
    p.kind === 'loopback' || p.kind === 'private'
      ? t(`url_${p.kind}`, { host: p.host })
      : p.kind === 'port'
        ? t('url_port', { port: p.port })
        : t(`url_${p.kind}`);
  if (problems.length === 0 && !fromBrowser)
    return (
      <p className="hint" data-testid="push-url-ok">
        {t('url_ok')}
      </p>
    );
  return (
    <div className="notice" role="alert" data-testid="push-url-warning">
      {problems.map((p) => (
        <p key={p.kind}>{say(p)}</p>
      ))}
      {fromBrowser && <p>{t('url_from_browser')}</p>}
    </div>
  );
}

export function PushValues({
  pushUrl,
  fromBrowser,
  secrets,
  mode,
  format,
}: {
  pushUrl: string;
  fromBrowser: boolean;
  secrets: Partial<PushSecrets>;
  mode: string;
  format: string;
}) {
  const t = useT(channelMessages);
  const ts = useT(setupMessages);
  return (
    <div className="admin-push" data-testid="push-values" aria-label={t('push_title')}>
      <dl>
        <Value label={t('push_url')} value={pushUrl} testId="push-url" />
        {secrets.token && <Value label={t('push_token')} value={secrets.token} />}
        {secrets.encodingAesKey && <Value label={t('push_aes')} value={secrets.encodingAesKey} />}
        <dt>{t('push_mode')}</dt>
        <dd>{t(`mode_${mode}` as 'mode_secure')}</dd>
        <dd />
        <dt>{t('push_format')}</dt>
        <dd>{format.toUpperCase()}</dd>
        <dd />
      </dl>
      <PushUrlWarning url={pushUrl} fromBrowser={fromBrowser} />
      {secrets.token || secrets.encodingAesKey ? <p className="hint">{ts('secrets_shown')}</p> : <p className="hint">{t('push_hidden')}</p>}
    </div>
  );
}
