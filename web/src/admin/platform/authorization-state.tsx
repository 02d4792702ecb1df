// An authorized channel's state (扫码授权): authorized or revoked, the permissions granted, and the needed
// ones missing with what each breaks, in the admin's language (the server's text for a permission the
// console does not know). A channel connected with its AppSecret shows nothing here.
import { api } from '../../api/client';
import type { Authorization, ChannelAuthorization } from '../../api/platform-types';
import { useFormatters, useT } from '../../i18n/i18n';
import { channelPath } from '../admin-context';
import { useLoad } from '../use-load';
import { platformMessages } from './messages';

const KNOWN_BREAKS = { 1: 'breaks_1', 11: 'breaks_11', 18: 'breaks_18', 19: 'breaks_19' } as const;

export function MissingPermissions({ authorization, compact }: { authorization: Authorization; compact?: boolean }) {
  const t = useT(platformMessages);
  const missing = authorization.missingPermissions;
  if (missing.length === 0) return compact ? <span>—</span> : <p className="hint">{t('missing_none')}</p>;
  return (
    <ul className="admin-missing" data-testid="missing-permissions">
      {missing.map((p) => (
        <li key={p.id} data-permission={p.id} className="error">
          <strong>
            {p.name} ({p.id})
          </strong>
          {'：'}
          {p.id in KNOWN_BREAKS ? t(KNOWN_BREAKS[p.id as keyof typeof KNOWN_BREAKS]) : p.breaks}
        </li>
      ))}
    </ul>
  );
}

function Details({ authorization: a }: { authorization: Authorization }) {
  const t = useT(platformMessages);
  const f = useFormatters();
  return (
    <section className="admin-push" data-testid="channel-authorization" data-state={a.state} aria-label={t('auth_title')}>
      <h3>{t('auth_title')}</h3>
      <dl>
        <dt>{t('auth_state')}</dt>
        <dd data-testid="authorization-state">
          <span className={a.state === 'authorized' ? 'badge green' : 'badge red'}>{t(`state_${a.state}`)}</span>
        </dd>
        <dd />
        <dt>{t('auth_since')}</dt>
        <dd>{f.dateTime(a.authorizedAt)}</dd>
        <dd />
        <dt>{t('auth_updated')}</dt>
        <dd>{f.dateTime(a.updatedAt)}</dd>
        <dd />
        <dt>{t('permissions')}</dt>
        <dd data-testid="granted-permissions">{a.permissions.map((p) => `${p.name ?? ''} (${p.id})`).join('、')}</dd>
        <dd />
      </dl>
      {a.state === 'revoked' && <p className="notice">{t('revoked_note')}</p>}
      {a.state === 'authorized' && (
        <>
          <h4>{t('missing')}</h4>
          <MissingPermissions authorization={a} />
          {a.missingPermissions.length > 0 && <p className="hint">{t('missing_hint')}</p>}
        </>
      )}
    </section>
  );
}

/** The channel's authorization as the server has it now; null for a channel with developer credentials. */
export function useChannelAuthorization(channelId: string | undefined): Authorization | null | undefined {
  const state = useLoad(channelId, (signal) =>
    api.get<ChannelAuthorization>(channelPath(channelId ?? '', '/authorization'), undefined, signal),
  );
  return state.data?.authorization;
}

/** The state of an authorized channel (nothing for one with developer credentials). */
export function ChannelAuthorizationState({ authorization }: { authorization: Authorization | null | undefined }) {
  return authorization ? <Details authorization={authorization} /> : null;
}
