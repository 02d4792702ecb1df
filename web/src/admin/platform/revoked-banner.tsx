// Tells platform admins, on every admin screen, which accounts withdrew their authorization in WeChat
// (unauthorized): those channels no longer receive or send until someone authorizes them again.
import { Link } from 'wouter';
import { api } from '../../api/client';
import type { List } from '../../api/types';
import type { Authorization } from '../../api/platform-types';
import { useT } from '../../i18n/i18n';
import { useAdmin } from '../admin-context';
import { useLoad } from '../use-load';
import { platformMessages } from './messages';

export function RevokedAuthorizationsBanner() {
  const { isPlatform } = useAdmin();
  const t = useT(platformMessages);
  // No platform configured answers 404: nothing to tell.
  const list = useLoad(isPlatform ? 'revoked-authorizations' : undefined, (signal) =>
    api.get<List<Authorization>>('/api/v1/platform/authorizations', undefined, signal).then(
      (r) => r.items,
      () => [],
    ),
  );
  const revoked = (list.data ?? []).filter((a) => a.state === 'revoked');
  if (revoked.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="revoked-authorizations">
      {t('revoked_banner')}{' '}
      {revoked.map((a, i) => (
        <span key={a.appId}>
          {i > 0 && '、'}
          <Link href={`/channels?channel=${encodeURIComponent(a.channelId)}`}>{a.channelId}</Link>
        </span>
      ))}
    </div>
  );
}
