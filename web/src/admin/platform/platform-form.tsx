// The open platform's settings form: component AppID, AppSecret, Token and EncodingAESKey. The secrets are
// write-only like a channel's: empty keeps the stored one; the Token and key may be generated here, to be
// pasted into WeChat's open-platform console together with the URLs shown beside the form.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Platform, PlatformChange } from '../../api/platform-types';
import { useT } from '../../i18n/i18n';
import { randomAlnum } from '../channels/secrets';
import { FormFooter } from '../form-parts';
import { CopyButton, Field } from '../ui';
import { useSubmit } from '../use-load';
import { platformMessages } from './messages';

interface Draft {
  componentAppId: string;
  appSecret: string;
  token: string;
  encodingAesKey: string;
}

type Key = keyof Draft;

const RULES: Record<Key, RegExp> = {
  componentAppId: /^wx[0-9a-zA-Z]{4,30}$/,
  appSecret: /^[A-Za-z0-9]{8,64}$/,
  token: /^[A-Za-z0-9]{3,32}$/,
  encodingAesKey: /^[A-Za-z0-9]{43}$/,
};

const PROBLEM = { componentAppId: 'bad_appId', appSecret: 'bad_secret', token: 'bad_token', encodingAesKey: 'bad_aes' } as const;

/** The body of PUT /platform: every typed value; empty secrets are left out (kept). */
function bodyOf(draft: Draft): PlatformChange {
  const body: PlatformChange = {};
  for (const key of Object.keys(draft) as Key[]) if (draft[key] !== '') body[key] = draft[key];
  return body;
}

function problemsOf(draft: Draft, first: boolean): Partial<Record<Key, keyof typeof PROBLEM | 'need'>> {
  const problems: Partial<Record<Key, keyof typeof PROBLEM | 'need'>> = {};
  for (const key of Object.keys(draft) as Key[]) {
    if (draft[key] === '') {
      if (first) problems[key] = 'need';
    } else if (!RULES[key].test(draft[key])) problems[key] = key;
  }
  return problems;
}

function SecretInput({ name, value, onChange, generate }: { name: Key; value: string; onChange(v: string): void; generate?: number }) {
  const t = useT(platformMessages);
  return (
    <div className="row">
      <input
        name={name}
        type={generate ? 'text' : 'password'}
        className={generate ? 'mono' : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
      />
      {generate !== undefined && (
        <button type="button" data-testid={`platform-generate-${name}`} onClick={() => onChange(randomAlnum(generate))}>
          {t('generate')}
        </button>
      )}
      {generate !== undefined && value !== '' && <CopyButton value={value} />}
    </div>
  );
}

export function PlatformForm({ platform, onSaved }: { platform: Platform; onSaved(p: Platform): void }) {
  const t = useT(platformMessages);
  const [draft, setDraft] = useState<Draft>({
    componentAppId: platform.componentAppId ?? '',
    appSecret: '',
    token: '',
    encodingAesKey: '',
  });
  const [problems, setProblems] = useState<ReturnType<typeof problemsOf>>({});
  const [saved, setSaved] = useState(false);
  const save = useSubmit();
  const set = (key: Key) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = problemsOf(draft, !platform.configured);
    setProblems(p);
    if (Object.keys(p).length > 0) return save.setError(Object.values(p).includes('need') ? t('need_all') : undefined);
    void save.run(async () => {
      const answer = await api.put<Platform>('/api/v1/platform', bodyOf(draft));
      setDraft((d) => ({ ...d, appSecret: '', token: '', encodingAesKey: '' }));
      setSaved(true);
      onSaved(answer);
    });
  };
  const hint = (key: Key, set: boolean) => {
    const problem = problems[key];
    if (problem && problem !== 'need') return <span className="error">{t(PROBLEM[problem])}</span>;
    return set ? t('secret_hint_set') : t('secret_hint_new');
  };
  return (
    <form className="card admin-form" onSubmit={submit} noValidate data-testid="platform-form">
      <p className="hint">{t('step1')}</p>
      <div className="grid-form">
        <Field label={t('f_componentAppId')} hint={problems.componentAppId === 'componentAppId' ? t('bad_appId') : undefined}>
          <input
            name="componentAppId"
            className="mono"
            value={draft.componentAppId}
            onChange={(e) => set('componentAppId')(e.target.value.trim())}
          />
        </Field>
        <Field label={t('f_appSecret')} hint={hint('appSecret', platform.appSecretSet)}>
          <SecretInput name="appSecret" value={draft.appSecret} onChange={set('appSecret')} />
        </Field>
        <Field label={t('f_token')} hint={hint('token', platform.tokenSet)}>
          <SecretInput name="token" value={draft.token} onChange={set('token')} generate={32} />
        </Field>
        <Field label={t('f_encodingAesKey')} hint={hint('encodingAesKey', platform.encodingAesKeySet)}>
          <SecretInput name="encodingAesKey" value={draft.encodingAesKey} onChange={set('encodingAesKey')} generate={43} />
        </Field>
      </div>
      <FormFooter submit={save} saveTestId="platform-save" saved={saved} />
    </form>
  );
}
