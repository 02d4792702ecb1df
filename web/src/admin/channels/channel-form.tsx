// Creating and editing a channel, laid out as the steps that work (setup-steps.tsx): 1) the fields,
// with the Token and EncodingAESKey pasted or generated (push-secrets-fields.tsx), saved here; 2) the
// values to submit in WeChat's console, with a warning when WeChat could not reach the URL; 3) the lights
// that turn green when WeChat verified the URL and pushed, read live. Then the ids integrators need and the
// configuration file. AppSecret and UnionID key are write-only password inputs where empty keeps the
// stored one; the draft and its checks are in channel-draft.ts, the form's parts in channel-fields.tsx.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import type { Channel, CredentialsAnswer, CredentialsCheck, StoredCredentialsCheck } from '../../api/types';
import { channelPath } from '../admin-context';
import { adminMessages } from '../messages';
import { useSubmit } from '../use-load';
import { requestBody, useChannelDraft, validateDraft, type Draft } from './channel-draft';
import { ChannelActivity } from './channel-activity';
import { AppFields, CredentialsTest, PushFields, UnionIdOptions } from './channel-fields';
import { channelMessages } from './messages';
import { ErrorLine, SectionTitle } from '../form-parts';
import { ChannelAuthorizationState, useChannelAuthorization } from '../platform/authorization-state';
import { PushSecretsFields, usePushSecrets, type PushSecretsControl } from './push-secrets-fields';
import { ChannelSetupSteps } from './channel-setup-steps';
import { UnionIdKeyGenerate } from './union-id-key';
import { setupMessages } from './setup-messages';

type ChannelDraft = ReturnType<typeof useChannelDraft>;

/** Checks the AppID and AppSecret (typed, or the stored secret) against WeChat. */
function useCredentialsTest(channel: Channel | undefined, draft: Draft) {
  const t = useT(channelMessages);
  const isNew = channel === undefined;
  const test = useSubmit();
  const [answer, setCredentialsAnswer] = useState<CredentialsAnswer | undefined>(undefined);
  const runTest = () => {
    setCredentialsAnswer(undefined);
    if (!draft.appId || (isNew && !draft.appSecret)) {
      test.setError(t('test_need'));
      return;
    }
    void test.run(async () => {
      const answer = isNew
        ? await api.post<CredentialsAnswer>('/api/v1/channels/credentials-check', {
            kind: draft.kind,
            appId: draft.appId,
            appSecret: draft.appSecret,
          } satisfies CredentialsCheck)
        : await api.post<CredentialsAnswer>(
            channelPath(channel.id, '/credentials-check'),
            (draft.appSecret ? { appSecret: draft.appSecret } : {}) satisfies StoredCredentialsCheck,
          );
      setCredentialsAnswer(answer);
    });
  };
  return { test, answer, runTest };
}

/** Validates (the fields, then the Token and key by WeChat's rules), then creates or updates. */
function useChannelSave(
  channel: Channel | undefined,
  form: ChannelDraft,
  push: PushSecretsControl,
  onSaved: (saved: Channel, created: boolean) => void,
) {
  const t = useT(channelMessages);
  const ts = useT(setupMessages);
  const isNew = channel === undefined;
  const save = useSubmit();
  const [unionGenerated, setUnionGenerated] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = validateDraft(form.draft, isNew, t);
    form.setProblems(p);
    const secretsOk = push.check(isNew, ts);
    if (Object.values(p).some(Boolean) || !secretsOk) {
      save.setError(t('fix_errors'));
      return;
    }
    void save.run(async () => {
      const body = requestBody(form.draft, push.toSend(), isNew);
      const saved = isNew ? await api.post<Channel>('/api/v1/channels', body) : await api.patch<Channel>(channelPath(channel.id), body);
      form.setDraft((d) => ({ ...d, appSecret: '', unionIdKey: '', removeUnionIdKey: false }));
      setUnionGenerated(false);
      // The Token and key stay on the page for step 2 (WeChat's console); they are not sent again.
      push.markSaved();
      form.setDone(isNew ? ts('saved_created_next') : t('saved'));
      onSaved(saved, isNew);
    });
  };
  return { save, submit, unionGenerated, setUnionGenerated };
}

export function ChannelForm({
  channel,
  onSaved,
  onClose,
}: {
  channel: Channel | undefined;
  onSaved(saved: Channel, created: boolean): void;
  onClose(): void;
}) {
  const t = useT(channelMessages);
  const ta = useT(adminMessages);
  const isNew = channel === undefined;
  const form = useChannelDraft(channel);
  const { draft, set, problems, done } = form;
  const push = usePushSecrets(isNew, () => form.setDone(undefined));
  const { test, answer, runTest } = useCredentialsTest(channel, draft);
  const { save, submit, unionGenerated, setUnionGenerated } = useChannelSave(channel, form, push, onSaved);
  // An authorized channel (扫码授权) needs no AppSecret, Token or key: WeChat pushes to the platform's URL.
  const authorization = useChannelAuthorization(channel?.id);
  const scanned = authorization != null;
  const needsAes = !scanned && draft.mode !== 'plaintext' && !push.secrets.encodingAesKey && !(channel?.encodingAesKeySet ?? false);
  const generateUnionKey = (key: string) => {
    set('unionIdKey', key);
    setUnionGenerated(true);
  };

  const fields = (
    <>
      <div className="grid-form">
        <AppFields channel={channel} draft={draft} problems={problems} set={set} readOnlyId={!isNew} />
        <PushFields channel={channel} draft={draft} problems={problems} set={set} />
        {!scanned && (
          <PushSecretsFields push={push} isNew={isNew} tokenSet={channel?.tokenSet ?? false} aesSet={channel?.encodingAesKeySet ?? false} />
        )}
      </div>
      <UnionIdOptions channel={channel} draft={draft} set={set} />
      <UnionIdKeyGenerate value={draft.unionIdKey} generated={unionGenerated} onGenerate={generateUnionKey} />
      {!scanned && <CredentialsTest test={test} answer={answer} kind={draft.kind} onTest={runTest} />}
      {needsAes && <p className="notice">{t('need_aes')}</p>}
      {draft.mode === 'plaintext' && <p className="notice">{t('plaintext_warning')}</p>}
      <ErrorLine error={save.error} />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="primary" data-testid="channel-save" disabled={save.busy}>
          {save.busy ? ta('saving') : ta('save')}
        </button>
        <button type="button" onClick={onClose}>
          {isNew ? ta('cancel') : ta('close')}
        </button>
      </div>
    </>
  );

  return (
    <form
      className="card admin-form"
      onSubmit={submit}
      noValidate
      aria-label={isNew ? t('new_title') : t('edit_title', { name: channel.name })}
    >
      <SectionTitle title={isNew ? t('new_title') : t('edit_title', { name: draft.name || draft.id })} onClose={onClose} />
      <ChannelAuthorizationState authorization={authorization} />
      {scanned ? (
        fields
      ) : (
        <ChannelSetupSteps channel={channel} draft={draft} push={push} onChanged={(c) => onSaved(c, false)} fields={fields} />
      )}
      {channel && <ChannelActivity channel={channel} onChanged={(saved) => onSaved(saved, false)} />}
    </form>
  );
}
