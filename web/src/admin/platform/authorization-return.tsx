// Coming back from WeChat's authorization page: the server sends the browser to the channels screen with
// ?authorized=<channelId> (the channel exists by then) or ?authorization_error=<code>, shown here in the
// admin's language.
import { useState } from 'react';
import type { Channel } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { platformMessages } from './messages';

export interface AuthorizationBack {
  authorized: string | undefined;
  error: string | undefined;
  /** The channel to open: the one just authorized, or ?channel=<id> (a link to a channel's page). */
  open: string | undefined;
}

/** Read once, when the screen opens after the redirect. */
export function useAuthorizationReturn(): AuthorizationBack {
  const [back] = useState<AuthorizationBack>(() => {
    const query = new URLSearchParams(location.search);
    const authorized = query.get('authorized') ?? undefined;
    return { authorized, error: query.get('authorization_error') ?? undefined, open: authorized ?? query.get('channel') ?? undefined };
  });
  return back;
}

const KNOWN = ['wechat_refused', 'platform_not_configured', 'no_verify_ticket', 'open_platform_unavailable'] as const;

export function AuthorizationReturn({ back, channel }: { back: AuthorizationBack; channel: Channel | undefined }) {
  const t = useT(platformMessages);
  if (back.error !== undefined) {
    const known = KNOWN.find((k) => k === back.error);
    return (
      <p className="error" role="alert" data-testid="authorization-error" data-code={back.error}>
        {known ? t(`err_${known}`) : t('err_other', { code: back.error })}
      </p>
    );
  }
  if (back.authorized === undefined) return null;
  return (
    <p className="success" role="status" data-testid="authorization-done" data-channel={back.authorized}>
      {t('authorized_ok', { name: channel?.name ?? back.authorized })}
    </p>
  );
}
