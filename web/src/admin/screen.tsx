// A screen's frame: its title, the pickers it needs, and a gate that waits for the channel (most screens
// work on one channel) with its own empty and error states.
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { useAdmin } from './admin-context';
import { adminMessages } from './messages';
import { ChannelPicker, MerchantPicker } from './scope-pickers';
import { LoadState } from './ui';

export function Screen({ title, tools, children, testId }: { title: string; tools?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="admin-screen" data-testid={testId}>
      <header className="admin-head">
        <h1>{title}</h1>
        <div className="admin-tools">{tools}</div>
      </header>
      {children}
    </section>
  );
}

/** Renders `children(channelId)` once a channel is known; the channel picker goes in the screen's tools. */
export function ChannelScreen({
  title,
  tools,
  children,
  testId,
}: {
  title: string;
  tools?: ReactNode;
  children: (channelId: string) => ReactNode;
  testId?: string;
}) {
  const t = useT(adminMessages);
  const { channels, channelId } = useAdmin();
  return (
    <Screen
      title={title}
      testId={testId}
      tools={
        <>
          <ChannelPicker />
          {tools}
        </>
      }
    >
      <LoadState state={channels}>
        {() =>
          channelId ? (
            children(channelId)
          ) : (
            <p className="admin-empty">
              {t('no_channels')} {t('no_channels_create')}
            </p>
          )
        }
      </LoadState>
    </Screen>
  );
}

/**
 * A channel screen listing one merchant's records: the merchant picker (with "all" for platform admins)
 * in the tools, and `body(channelId, merchantScope)` under them.
 */
export function MerchantScreen({ title, body }: { title: string; body: (channelId: string, merchantScope: string) => ReactNode }) {
  const [merchantScope, setMerchantScope] = useState('');
  return (
    <ChannelScreen title={title} tools={<MerchantPicker value={merchantScope} onChange={setMerchantScope} allowAll />}>
      {(channelId) => body(channelId, merchantScope)}
    </ChannelScreen>
  );
}
