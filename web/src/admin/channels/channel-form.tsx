// Creating and editing a channel. Secrets are write-only: AppSecret and the UnionID key are password
// inputs where empty keeps the stored one; the Token and EncodingAESKey are generated in the browser
// (secrets.ts) and shown once with the push URL. The draft and its checks are in channel-draft.ts, the
// form's parts in channel-fields.tsx; the server's own message shows when it still refuses.
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
import { PushValues } from './push-values';
import { newPushSecrets, type PushSecrets } from './secrets';
import { ErrorLine, SectionTitle } from '../form-parts';
import { ChannelAuthorizationState, useChannelAuthorization } from '../platform/authorization-state';

type ChannelDraft = ReturnType<typeof useChannelDraft>;

/** The generated Token and EncodingAESKey: a new channel gets them at once, an edit on "regenerate". */
function usePushSecrets(isNew: boolean, setDone: ChannelDraft['setDone']) {
  const [secrets, setSecrets] = useState<PushSecrets | undefined>(() => (isNew ? newPushSecrets() : undefined));
  const [regenerated, setRegenerated] = useState(false);
  const regenerate = () => {
    setSecrets(newPushSecrets());
    setRegenerated(true);
    setDone(undefined);
  };
  /** An edit saved them: nothing left to show. */
  const sent = () => {
    setSecrets(undefined);
    setRegenerated(false);
  };
  return { secrets, regenerated, regenerate, sent };
}

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

/** Validates, then creates or updates; a created channel keeps its generated values on screen. */
function useChannelSave(
  channel: Channel | undefined,
  form: ChannelDraft,
  push: ReturnType<typeof usePushSecrets>,
  onSaved: (saved: Channel, created: boolean) => void,
) {
  const t = useT(channelMessages);
  const isNew = channel === undefined;
  const save = useSubmit();
  const [shown, setShown] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = validateDraft(form.draft, isNew, t);
    form.setProblems(p);
    if (Object.values(p).some(Boolean)) {
      save.setError(t('fix_errors'));
      return;
    }
    void save.run(async () => {
      const body = requestBody(form.draft, push.secrets, isNew);
      const saved = isNew ? await api.post<Channel>('/api/v1/channels', body) : await api.patch<Channel>(channelPath(channel.id), body);
      form.setDraft((d) => ({ ...d, appSecret: '', unionIdKey: '', removeUnionIdKey: false }));
      // Created: keep showing the generated values (this is the last chance to copy them).
      if (isNew) setShown(true);
      else push.sent();
      form.setDone(isNew ? t('saved_created') : t('saved'));
      onSaved(saved, isNew);
    });
  };
  return { save, shown, submit };
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
  const push = usePushSecrets(isNew, form.setDone);
  const { test, answer, runTest } = useCredentialsTest(channel, draft);
  const { save, shown, submit } = useChannelSave(channel, form, push, onSaved);
  const pushUrl = `${location.origin}${channel?.pushPath ?? `/wechat/${draft.id || '<id>'}`}`;
  // An authorized channel (扫码授权) needs no AppSecret, Token or key: WeChat pushes to the platform's URL.
  const authorization = useChannelAuthorization(channel?.id);
  const scanned = authorization != null;
  const needsAes = !scanned && draft.mode !== 'plaintext' && !push.secrets && !(channel?.encodingAesKeySet ?? false);

  return (
    <form
      className="card admin-form"
      onSubmit={submit}
      noValidate
      aria-label={isNew ? t('new_title') : t('edit_title', { name: channel.name })}
    >
      <SectionTitle title={isNew && !shown ? t('new_title') : t('edit_title', { name: draft.name || draft.id })} onClose={onClose} />
      <ChannelAuthorizationState authorization={authorization} />
      <div className="grid-form">
        <AppFields channel={channel} draft={draft} problems={problems} set={set} readOnlyId={!isNew || shown} />
        <PushFields channel={channel} draft={draft} problems={problems} set={set} />
      </div>
      <UnionIdOptions channel={channel} draft={draft} set={set} />
      {!scanned && <CredentialsTest test={test} answer={answer} kind={draft.kind} onTest={runTest} />}
      {!scanned && (
        <PushValues
          pushUrl={pushUrl}
          secrets={push.secrets}
          mode={draft.mode}
          format={draft.format}
          isNew={isNew}
          regenerated={push.regenerated}
          onRegenerate={push.regenerate}
        />
      )}
      {needsAes && <p className="notice">{t('need_aes')}</p>}
      {draft.mode === 'plaintext' && <p className="notice">{t('plaintext_warning')}</p>}
      {channel && <ChannelActivity channel={channel} onChanged={(saved) => onSaved(saved, false)} />}
      <ErrorLine error={save.error} />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <div className="admin-actions">
        {!(isNew && shown) && (
          <button type="submit" className="primary" data-testid="channel-save" disabled={save.busy}>
            {save.busy ? ta('saving') : ta('save')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {isNew && shown ? ta('close') : ta('cancel')}
        </button>
      </div>
    </form>
  );
}
