// Creating and editing a channel. Secrets are write-only: AppSecret and the UnionID key are password
// inputs where empty keeps the stored one; the Token and EncodingAESKey are generated in the browser
// (secrets.ts) and shown once with the push URL. The checks mirror server/src/http/api/schemas/channel.ts
// so mistakes show before sending; the server's own message shows when it still refuses.
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import type { Channel, CredentialsAnswer, CredentialsCheck, StoredCredentialsCheck } from '../../api/types';
import { channelPath } from '../admin-context';
import { adminMessages } from '../messages';
import { Field } from '../ui';
import { useSubmit } from '../use-load';
import { CredentialFailure } from './credential-failure';
import { channelMessages } from './messages';
import { PushValues } from './push-values';
import { newPushSecrets, type PushSecrets } from './secrets';

type Kind = Channel['kind'];
type Mode = Channel['mode'];
type Format = Channel['format'];

interface Draft {
  id: string;
  name: string;
  kind: Kind;
  appId: string;
  appSecret: string;
  originalId: string;
  mode: Mode;
  format: Format;
  tokenSource: Channel['tokenSource'];
  unionIdKey: string;
  removeUnionIdKey: boolean;
  agentsSeeUnionId: boolean;
}

type Problems = Partial<Record<keyof Draft, string>>;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function draftOf(c: Channel | undefined): Draft {
  return {
    id: c?.id ?? '',
    name: c?.name ?? '',
    kind: c?.kind ?? 'miniprogram',
    appId: c?.appId ?? '',
    appSecret: '',
    originalId: c?.originalId ?? '',
    mode: c?.mode ?? 'secure',
    format: c?.format ?? 'json',
    tokenSource: c?.tokenSource ?? 'stable',
    unionIdKey: '',
    removeUnionIdKey: false,
    agentsSeeUnionId: c?.agentsSeeUnionId ?? false,
  };
}

export function ChannelForm({ channel, onSaved, onClose }: {
  channel: Channel | undefined;
  onSaved(saved: Channel, created: boolean): void;
  onClose(): void;
}) {
  const t = useT(channelMessages);
  const ta = useT(adminMessages);
  const isNew = channel === undefined;
  const [draft, setDraft] = useState<Draft>(() => draftOf(channel));
  const [secrets, setSecrets] = useState<PushSecrets | undefined>(() => (isNew ? newPushSecrets() : undefined));
  const [regenerated, setRegenerated] = useState(false);
  const [shown, setShown] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<string | undefined>(undefined);
  const save = useSubmit();
  const test = useSubmit();
  const [testAnswer, setCredentialsAnswer] = useState<CredentialsAnswer | undefined>(undefined);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
    setDone(undefined);
  };

  const pushPath = channel?.pushPath ?? `/wechat/${draft.id || '<id>'}`;
  const pushUrl = `${location.origin}${pushPath}`;
  const hasAes = channel?.encodingAesKeySet ?? false;
  const needsAes = draft.mode !== 'plaintext' && !secrets && !hasAes;

  const validate = (): Problems => {
    const p: Problems = {};
    if (isNew && !/^[A-Za-z0-9_-]{1,64}$/.test(draft.id)) p.id = t('e_id');
    if (!draft.name.trim()) p.name = t('e_name');
    if (!/^wx[0-9a-zA-Z]{4,30}$/.test(draft.appId)) p.appId = t('e_appId');
    if ((isNew || draft.appSecret) && !/^[A-Za-z0-9]{8,64}$/.test(draft.appSecret)) p.appSecret = t('e_appSecret');
    if (!/^gh_[0-9a-zA-Z]+$/.test(draft.originalId)) p.originalId = t('e_originalId');
    if (draft.unionIdKey && ![16, 24, 32].includes(utf8Length(draft.unionIdKey))) p.unionIdKey = t('e_unionIdKey');
    if (draft.kind === 'official_account' && draft.format === 'json') p.format = t('e_oa_json');
    return p;
  };

  const body = useMemo(() => () => {
    const common = {
      name: draft.name.trim(),
      kind: draft.kind,
      appId: draft.appId,
      originalId: draft.originalId,
      mode: draft.mode,
      format: draft.format,
      tokenSource: draft.tokenSource,
      ...(draft.appSecret && { appSecret: draft.appSecret }),
      ...(secrets && { token: secrets.token, encodingAesKey: secrets.encodingAesKey }),
      ...(draft.unionIdKey ? { unionIdKey: draft.unionIdKey } : !isNew && draft.removeUnionIdKey ? { unionIdKey: null } : {}),
      agentsSeeUnionId: draft.agentsSeeUnionId,
    };
    return isNew ? { id: draft.id, ...common } : common;
  }, [draft, secrets, isNew]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = validate();
    setProblems(p);
    if (Object.values(p).some(Boolean)) {
      save.setError(t('fix_errors'));
      return;
    }
    void save.run(async () => {
      const saved = isNew
        ? await api.post<Channel>('/api/v1/channels', body())
        : await api.patch<Channel>(channelPath(channel.id), body());
      setDraft((d) => ({ ...d, appSecret: '', unionIdKey: '', removeUnionIdKey: false }));
      // Created: keep showing the generated values (this is the last chance to copy them).
      if (isNew) setShown(true);
      else {
        setSecrets(undefined);
        setRegenerated(false);
      }
      setDone(isNew ? t('saved_created') : t('saved'));
      onSaved(saved, isNew);
    });
  };

  const runTest = () => {
    setCredentialsAnswer(undefined);
    if (!draft.appId || (isNew && !draft.appSecret)) {
      test.setError(t('test_need'));
      return;
    }
    void test.run(async () => {
      const answer = isNew
        ? await api.post<CredentialsAnswer>('/api/v1/channels/credentials-check', { kind: draft.kind, appId: draft.appId, appSecret: draft.appSecret } satisfies CredentialsCheck)
        : await api.post<CredentialsAnswer>(channelPath(channel.id, '/credentials-check'), (draft.appSecret ? { appSecret: draft.appSecret } : {}) satisfies StoredCredentialsCheck);
      setCredentialsAnswer(answer);
    });
  };

  const regenerate = () => {
    setSecrets(newPushSecrets());
    setRegenerated(true);
    setDone(undefined);
  };

  const err = (key: keyof Draft) => problems[key] && <span className="error" role="alert">{problems[key]}</span>;
  const secretState = (set: boolean | undefined) => (set ? t('set') : t('unset'));
  const readOnlyAfterCreate = !isNew || shown;

  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-label={isNew ? t('new_title') : t('edit_title', { name: channel.name })}>
      <div className="admin-section-title">
        <h2>{isNew && !shown ? t('new_title') : t('edit_title', { name: draft.name || draft.id })}</h2>
        <button type="button" className="link" onClick={onClose}>{ta('close')}</button>
      </div>
      <div className="grid-form">
        <Field label={t('f_id')} hint={isNew ? t('f_id_hint') : undefined}>
          <input name="id" value={draft.id} onChange={(e) => set('id', e.target.value.trim())} disabled={readOnlyAfterCreate} required aria-invalid={!!problems.id} autoComplete="off" />
          {err('id')}
        </Field>
        <Field label={t('f_name')}>
          <input name="name" value={draft.name} onChange={(e) => set('name', e.target.value)} required aria-invalid={!!problems.name} />
          {err('name')}
        </Field>
        <Field label={t('f_kind')}>
          <select name="kind" value={draft.kind} onChange={(e) => {
            const kind = e.target.value as Kind;
            set('kind', kind);
            if (kind === 'official_account') set('format', 'xml');
          }}>
            <option value="miniprogram">{t('kind_miniprogram')}</option>
            <option value="official_account">{t('kind_official_account')}</option>
          </select>
        </Field>
        <Field label={t('f_appId')} hint={t('f_appId_hint')}>
          <input name="appId" value={draft.appId} onChange={(e) => set('appId', e.target.value.trim())} required aria-invalid={!!problems.appId} autoComplete="off" />
          {err('appId')}
        </Field>
        <Field label={t('f_appSecret')} hint={isNew ? t('f_appSecret_hint_new') : t('f_appSecret_hint_edit', { state: secretState(channel.appSecretSet) })}>
          <input name="appSecret" type="password" value={draft.appSecret} onChange={(e) => set('appSecret', e.target.value.trim())} required={isNew} aria-invalid={!!problems.appSecret} autoComplete="new-password" />
          {err('appSecret')}
        </Field>
        <Field label={t('f_originalId')} hint={t('f_originalId_hint')}>
          <input name="originalId" value={draft.originalId} onChange={(e) => set('originalId', e.target.value.trim())} required aria-invalid={!!problems.originalId} autoComplete="off" />
          {err('originalId')}
        </Field>
        <Field label={t('f_mode')}>
          <select name="mode" value={draft.mode} onChange={(e) => set('mode', e.target.value as Mode)}>
            <option value="secure">{t('mode_secure')}</option>
            <option value="compatible">{t('mode_compatible')}</option>
            <option value="plaintext">{t('mode_plaintext')}</option>
          </select>
        </Field>
        <Field label={t('f_format')}>
          <select name="format" value={draft.format} onChange={(e) => set('format', e.target.value as Format)} aria-invalid={!!problems.format}>
            <option value="xml">XML</option>
            <option value="json" disabled={draft.kind === 'official_account'}>JSON</option>
          </select>
          {err('format')}
        </Field>
        <Field label={t('f_tokenSource')}>
          <select name="tokenSource" value={draft.tokenSource} onChange={(e) => set('tokenSource', e.target.value as Draft['tokenSource'])}>
            <option value="stable">{t('f_tokenSource_stable')}</option>
            <option value="basic">{t('f_tokenSource_basic')}</option>
          </select>
        </Field>
        <Field label={t('f_unionIdKey')} hint={t('f_unionIdKey_hint', { state: secretState(channel?.hasUnionIdKey) })}>
          <input name="unionIdKey" type="password" value={draft.unionIdKey} onChange={(e) => set('unionIdKey', e.target.value)} disabled={draft.removeUnionIdKey} aria-invalid={!!problems.unionIdKey} autoComplete="new-password" />
          {err('unionIdKey')}
        </Field>
      </div>
      <div className="row">
        <label className="inline">
          <input type="checkbox" name="agentsSeeUnionId" checked={draft.agentsSeeUnionId} onChange={(e) => set('agentsSeeUnionId', e.target.checked)} />
          {t('f_agentsSeeUnionId')}
        </label>
        {!isNew && channel.hasUnionIdKey && (
          <label className="inline">
            <input type="checkbox" name="removeUnionIdKey" checked={draft.removeUnionIdKey} onChange={(e) => set('removeUnionIdKey', e.target.checked)} />
            {t('f_unionIdKey_remove')}
          </label>
        )}
      </div>

      <div className="admin-actions">
        <button type="button" data-testid="channel-test" onClick={runTest} disabled={test.busy}>{test.busy ? t('testing') : t('test')}</button>
        {testAnswer?.ok === true && <p className="success admin-test-result" role="status">{t('test_ok')}</p>}
        {testAnswer?.ok === false && <CredentialFailure answer={testAnswer} kind={draft.kind} />}
        {test.error && <p className="error admin-test-result" role="alert">{test.error}</p>}
      </div>

      <PushValues pushUrl={pushUrl} secrets={secrets} mode={draft.mode} format={draft.format} isNew={isNew} regenerated={regenerated} onRegenerate={regenerate} />
      {needsAes && <p className="notice">{t('need_aes')}</p>}

      {save.error && <p className="error" role="alert">{save.error}</p>}
      {done && <p className="success" role="status">{done}</p>}
      <div className="admin-actions">
        {!(isNew && shown) && (
          <button type="submit" className="primary" data-testid="channel-save" disabled={save.busy}>{save.busy ? ta('saving') : ta('save')}</button>
        )}
        <button type="button" onClick={onClose}>{isNew && shown ? ta('close') : ta('cancel')}</button>
      </div>
    </form>
  );
}
