// Why WeChat refused an AppID/AppSecret check, in the admin's language. The server explains in English
// only; the common errcodes are explained here in Chinese and English (with where to fix it in WeChat's
// console for this kind of app), and any other code shows the server's text. WeChat's own errcode and
// errmsg always follow, for searching WeChat's docs or asking support.
import type { Channel, CredentialsAnswer } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelMessages } from './messages';

type Failure = Extract<CredentialsAnswer, { ok: false }>;
type Known = 'cred_40013' | 'cred_40125' | 'cred_40164' | 'cred_busy' | 'cred_unreachable';

/** The message explaining an errcode, when it is one of the common ones; null: WeChat was not reached. */
export function credentialMessageKey(errcode: number | null): Known | undefined {
  switch (errcode) {
    case null:
      return 'cred_unreachable';
    case 40013:
      return 'cred_40013';
    case 40125:
      return 'cred_40125';
    case 40164:
      return 'cred_40164';
    case -1:
      return 'cred_busy';
    default:
      return undefined;
  }
}

export function CredentialFailure({ answer, kind }: { answer: Failure; kind: Channel['kind'] }) {
  const t = useT(channelMessages);
  const key = credentialMessageKey(answer.errcode);
  const text = key
    ? t(key, { app: t(`app_${kind}`), secretWhere: t(`secret_where_${kind}`), whitelistWhere: t(`whitelist_where_${kind}`) })
    : t('cred_other', { explanation: answer.explanation });
  return (
    <div className="error admin-test-result" role="alert" data-testid="channel-test-failure" data-errcode={answer.errcode ?? 'none'}>
      <p>{text}</p>
      {answer.errcode !== null && <p className="hint mono">{t('test_detail', { errcode: answer.errcode, errmsg: answer.errmsg })}</p>}
    </div>
  );
}
