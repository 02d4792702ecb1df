// The channel form's parts: the app's identity and credentials, how pushes arrive, the UnionID options
// and the credentials test. Each renders into the form's own grid (fragments, no wrapper of their own).
import type { Channel, CredentialsAnswer } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { Field } from '../ui';
import type { useSubmit } from '../use-load';
import type { Draft, Format, Kind, Mode, Problems, SetField } from './channel-draft';
import { CredentialFailure } from './credential-failure';
import { channelMessages } from './messages';

interface FieldsProps {
  channel: Channel | undefined;
  draft: Draft;
  problems: Problems;
  set: SetField;
}

const fieldError = (problems: Problems, key: keyof Draft) =>
  problems[key] && (
    <span className="error" role="alert">
      {problems[key]}
    </span>
  );

/** The id and name, and which WeChat app it is: kind, AppID, AppSecret, original id. */
export function AppFields({ channel, draft, problems, set, readOnlyId }: FieldsProps & { readOnlyId: boolean }) {
  const t = useT(channelMessages);
  const isNew = channel === undefined;
  const err = (key: keyof Draft) => fieldError(problems, key);
  const onKind = (kind: Kind) => {
    set('kind', kind);
    if (kind === 'official_account') set('format', 'xml');
  };
  return (
    <>
      <Field label={t('f_id')} hint={isNew ? t('f_id_hint') : undefined}>
        <input
          name="id"
          value={draft.id}
          onChange={(e) => set('id', e.target.value.trim())}
          disabled={readOnlyId}
          required
          aria-invalid={!!problems.id}
          autoComplete="off"
        />
        {err('id')}
      </Field>
      <Field label={t('f_name')}>
        <input name="name" value={draft.name} onChange={(e) => set('name', e.target.value)} required aria-invalid={!!problems.name} />
        {err('name')}
      </Field>
      <Field label={t('f_kind')}>
        <select name="kind" value={draft.kind} onChange={(e) => onKind(e.target.value as Kind)}>
          <option value="miniprogram">{t('kind_miniprogram')}</option>
          <option value="official_account">{t('kind_official_account')}</option>
        </select>
      </Field>
      <Field label={t('f_appId')} hint={t('f_appId_hint')}>
        <input
          name="appId"
          value={draft.appId}
          onChange={(e) => set('appId', e.target.value.trim())}
          required
          aria-invalid={!!problems.appId}
          autoComplete="off"
        />
        {err('appId')}
      </Field>
      <Field
        label={t('f_appSecret')}
        hint={isNew ? t('f_appSecret_hint_new') : t('f_appSecret_hint_edit', { state: channel.appSecretSet ? t('set') : t('unset') })}
      >
        <input
          name="appSecret"
          type="password"
          value={draft.appSecret}
          onChange={(e) => set('appSecret', e.target.value.trim())}
          required={isNew}
          aria-invalid={!!problems.appSecret}
          autoComplete="new-password"
        />
        {err('appSecret')}
      </Field>
      <Field label={t('f_originalId')} hint={t('f_originalId_hint')}>
        <input
          name="originalId"
          value={draft.originalId}
          onChange={(e) => set('originalId', e.target.value.trim())}
          required
          aria-invalid={!!problems.originalId}
          autoComplete="off"
        />
        {err('originalId')}
      </Field>
    </>
  );
}

/** How pushes arrive and tokens are fetched: encryption, format, token source, the UnionID key. */
export function PushFields({ channel, draft, problems, set }: FieldsProps) {
  const t = useT(channelMessages);
  return (
    <>
      <Field label={t('f_mode')}>
        <select name="mode" value={draft.mode} onChange={(e) => set('mode', e.target.value as Mode)}>
          <option value="secure">{t('mode_secure')}</option>
          <option value="compatible">{t('mode_compatible')}</option>
          <option value="plaintext">{t('mode_plaintext')}</option>
        </select>
      </Field>
      <Field label={t('f_format')}>
        <select
          name="format"
          value={draft.format}
          onChange={(e) => set('format', e.target.value as Format)}
          aria-invalid={!!problems.format}
        >
          <option value="xml">XML</option>
          <option value="json" disabled={draft.kind === 'official_account'}>
            JSON
          </option>
        </select>
        {fieldError(problems, 'format')}
      </Field>
      <Field label={t('f_tokenSource')}>
        <select name="tokenSource" value={draft.tokenSource} onChange={(e) => set('tokenSource', e.target.value as Draft['tokenSource'])}>
          <option value="stable">{t('f_tokenSource_stable')}</option>
          <option value="basic">{t('f_tokenSource_basic')}</option>
        </select>
      </Field>
      <Field label={t('f_replayWindow')} hint={t('f_replayWindow_hint')}>
        <input
          name="replayWindow"
          inputMode="numeric"
          value={draft.replayWindow}
          onChange={(e) => set('replayWindow', e.target.value.trim())}
          aria-invalid={!!problems.replayWindow}
        />
        {fieldError(problems, 'replayWindow')}
      </Field>
      <Field label={t('f_graceMinutes')} hint={t('f_graceMinutes_hint')}>
        <input
          name="graceMinutes"
          inputMode="numeric"
          value={draft.graceMinutes}
          onChange={(e) => set('graceMinutes', e.target.value.trim())}
          aria-invalid={!!problems.graceMinutes}
        />
        {fieldError(problems, 'graceMinutes')}
      </Field>
      <Field label={t('f_unionIdKey')} hint={t('f_unionIdKey_hint', { state: channel?.hasUnionIdKey ? t('set') : t('unset') })}>
        <input
          name="unionIdKey"
          type="password"
          value={draft.unionIdKey}
          onChange={(e) => set('unionIdKey', e.target.value)}
          disabled={draft.removeUnionIdKey}
          aria-invalid={!!problems.unionIdKey}
          autoComplete="new-password"
        />
        {fieldError(problems, 'unionIdKey')}
      </Field>
    </>
  );
}

/** Whether agents see the UnionID, and (with a key stored) removing the key. */
export function UnionIdOptions({ channel, draft, set }: Omit<FieldsProps, 'problems'>) {
  const t = useT(channelMessages);
  return (
    <div className="row">
      <label className="inline">
        <input
          type="checkbox"
          name="agentsSeeUnionId"
          checked={draft.agentsSeeUnionId}
          onChange={(e) => set('agentsSeeUnionId', e.target.checked)}
        />
        {t('f_agentsSeeUnionId')}
      </label>
      {channel?.hasUnionIdKey && (
        <label className="inline">
          <input
            type="checkbox"
            name="removeUnionIdKey"
            checked={draft.removeUnionIdKey}
            onChange={(e) => set('removeUnionIdKey', e.target.checked)}
          />
          {t('f_unionIdKey_remove')}
        </label>
      )}
    </div>
  );
}

/** The "test credentials" button and its answer. */
export function CredentialsTest({
  test,
  answer,
  kind,
  onTest,
}: {
  test: ReturnType<typeof useSubmit>;
  answer: CredentialsAnswer | undefined;
  kind: Kind;
  onTest(): void;
}) {
  const t = useT(channelMessages);
  return (
    <div className="admin-actions">
      <button type="button" data-testid="channel-test" onClick={onTest} disabled={test.busy}>
        {test.busy ? t('testing') : t('test')}
      </button>
      {answer?.ok === true && (
        <p className="success admin-test-result" role="status">
          {t('test_ok')}
        </p>
      )}
      {answer?.ok === false && <CredentialFailure answer={answer} kind={kind} />}
      {test.error && (
        <p className="error admin-test-result" role="alert">
          {test.error}
        </p>
      )}
    </div>
  );
}
