// The channel form's body as the three steps (setup-steps.tsx), then, once the channel exists, the ids
// integrators need and the configuration file. The push URL is the server's configured public one
// (KEFU_PUBLIC_BASE_URL) when there is one, else this page's own address, said so.
import { useState, type ReactNode } from 'react';
import type { Channel } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { ErrorLine } from '../form-parts';
import type { Draft } from './channel-draft';
import { ChannelConfigFile } from './channel-config-file';
import { IntegrationIds } from './integration-ids';
import type { PushSecretsControl } from './push-secrets-fields';
import { PushValues } from './push-values';
import { LiveIndicators, Step, useLiveChannel, verifiedState } from './setup-steps';
import { setupMessages } from './setup-messages';
import { useChannelSetup } from './use-channel-setup';
import './channel-setup.css';

/** Step 1 is done once the channel holds what WeChat's console will be given. */
const savedHere = (c: Channel | undefined) => c !== undefined && c.tokenSet && (c.mode === 'plaintext' || c.encodingAesKeySet);

export function ChannelSetupSteps({
  channel,
  draft,
  push,
  onChanged,
  fields,
}: {
  channel: Channel | undefined;
  draft: Draft;
  push: PushSecretsControl;
  onChanged(c: Channel): void;
  fields: ReactNode;
}) {
  const t = useT(setupMessages);
  const [version, setVersion] = useState(0);
  const setup = useChannelSetup(channel?.id, version);
  useLiveChannel(channel, onChanged);
  const verified = verifiedState(channel, Date.now()) === 'verified';
  const configured = setup.data?.pushUrl ?? null;
  const pushUrl = channel ? (configured ?? `${location.origin}${channel.pushPath}`) : undefined;
  const shown = push.secrets.saved ? push.secrets : {};
  return (
    <div className="stack" data-testid="setup-steps">
      <Step n={1} title={t('step1')} hint={t('step1_hint')} done={savedHere(channel)} testId="step-save">
        {fields}
      </Step>
      <Step n={2} title={t('step2')} hint={channel ? t('step2_hint') : t('step2_after_save')} done={verified} testId="step-wechat">
        {channel && pushUrl && (setup.data || setup.error) && (
          <PushValues pushUrl={pushUrl} fromBrowser={configured === null} secrets={shown} mode={channel.mode} format={channel.format} />
        )}
      </Step>
      <Step n={3} title={t('step3')} hint={t('step3_hint')} done={verified && channel?.lastPushAt != null} testId="step-live">
        {channel && <LiveIndicators channel={channel} />}
      </Step>
      <ErrorLine error={setup.error} />
      {setup.data && <IntegrationIds setup={setup.data} />}
      {channel && <ChannelConfigFile channelId={channel.id} onImported={() => setVersion((v) => v + 1)} />}
    </div>
  );
}
