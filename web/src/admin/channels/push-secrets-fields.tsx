// Step 1's Token and EncodingAESKey: pasted from WeChat's console or generated here, checked by WeChat's
// rules as typed. They stay on the page after saving (step 2 needs them for WeChat's console) but are sent
// only once; the server never returns them.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ConfirmButton, Field } from '../ui';
import { channelMessages } from './messages';
import { setupMessages } from './setup-messages';
import { aesKeyProblem, newPushSecrets, tokenProblem, type PushSecrets } from './secrets';

export interface PushSecretsState extends PushSecrets {
  /** Sent with the last save: shown for copying, not sent again. */
  saved: boolean;
}
type SecretProblems = Partial<Record<keyof PushSecrets, string>>;
type SetupText = ReturnType<typeof useT<keyof (typeof setupMessages)['zh']>>;

/** A new channel starts with generated values; an edit with none (empty keeps the stored ones). */
export function usePushSecrets(isNew: boolean, onChange: () => void) {
  const [secrets, setSecrets] = useState<PushSecretsState>(() => ({
    ...(isNew ? newPushSecrets() : { token: '', encodingAesKey: '' }),
    saved: false,
  }));
  const [problems, setProblems] = useState<SecretProblems>({});
  const set = (key: keyof PushSecrets, value: string) => {
    // Copied text often brings a space or a line break along: WeChat's values never hold one.
    setSecrets((s) => ({ ...s, [key]: value.replace(/\s+/g, ''), saved: false }));
    setProblems((p) => ({ ...p, [key]: undefined }));
    onChange();
  };
  const generate = () => {
    setSecrets({ ...newPushSecrets(), saved: false });
    setProblems({});
    onChange();
  };
  /** WeChat's rules; a new channel needs a Token (the key only outside plaintext mode: the form says so). */
  const check = (isNewChannel: boolean, t: SetupText): boolean => {
    const p: SecretProblems = {};
    if ((isNewChannel || secrets.token) && tokenProblem(secrets.token)) p.token = t('e_token');
    const aes = secrets.encodingAesKey ? aesKeyProblem(secrets.encodingAesKey) : undefined;
    if (aes) p.encodingAesKey = t(aes, { n: secrets.encodingAesKey.length });
    setProblems(p);
    return !p.token && !p.encodingAesKey;
  };
  const toSend = (): Partial<PushSecrets> =>
    secrets.saved
      ? {}
      : { ...(secrets.token && { token: secrets.token }), ...(secrets.encodingAesKey && { encodingAesKey: secrets.encodingAesKey }) };
  const markSaved = () => setSecrets((s) => ({ ...s, saved: true }));
  return { secrets, problems, set, generate, check, toSend, markSaved };
}

export type PushSecretsControl = ReturnType<typeof usePushSecrets>;

const errorOf = (message: string | undefined) =>
  message && (
    <span className="error" role="alert">
      {message}
    </span>
  );

export function PushSecretsFields({
  push,
  isNew,
  tokenSet,
  aesSet,
}: {
  push: PushSecretsControl;
  isNew: boolean;
  tokenSet: boolean;
  aesSet: boolean;
}) {
  const t = useT(setupMessages);
  const tc = useT(channelMessages);
  const state = (set: boolean) => (set ? tc('set') : tc('unset'));
  const { secrets, problems } = push;
  return (
    <>
      <Field label={t('f_token')} hint={isNew ? t('f_token_hint_new') : t('f_token_hint_edit', { state: state(tokenSet) })}>
        <input
          name="token"
          className="mono"
          value={secrets.token}
          onChange={(e) => push.set('token', e.target.value)}
          aria-invalid={!!problems.token}
          autoComplete="off"
          spellCheck={false}
        />
        {errorOf(problems.token)}
      </Field>
      <Field
        label={t('f_aes')}
        hint={
          isNew || secrets.encodingAesKey
            ? t('f_aes_hint', { n: secrets.encodingAesKey.length })
            : t('f_aes_hint_edit', { state: state(aesSet) })
        }
      >
        <input
          name="encodingAesKey"
          className="mono"
          value={secrets.encodingAesKey}
          onChange={(e) => push.set('encodingAesKey', e.target.value)}
          aria-invalid={!!problems.encodingAesKey}
          autoComplete="off"
          spellCheck={false}
        />
        {errorOf(problems.encodingAesKey)}
      </Field>
      <div className="admin-field">
        <span>&nbsp;</span>
        {isNew ? (
          <button type="button" data-testid="channel-generate" onClick={push.generate}>
            {t('generate_both')}
          </button>
        ) : (
          <ConfirmButton label={t('generate_both')} question={t('generate_q')} onConfirm={push.generate} testId="channel-regenerate" />
        )}
      </div>
    </>
  );
}
