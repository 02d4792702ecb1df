// An authorization as the API and the console see it: no refresh token, no auth_code; the permissions by
// name, and the needed ones the account did not grant with what each breaks.
import {
  PERMISSION_NAMES,
  missingPermissions,
  type Authorization,
  type AuthorizationState,
  type NeededPermission,
} from '../../core/open-platform';

export interface PublicAuthorization {
  appId: string;
  channelId: string;
  kind: Authorization['kind'];
  state: AuthorizationState;
  permissions: { id: number; name: string | null }[];
  missingPermissions: NeededPermission[];
  authorizedAt: number;
  updatedAt: number;
  revokedAt: number | null;
}

/** Built field by field (never by removing secrets) so a secret added to Authorization later stays hidden. */
export function publicAuthorization(a: Authorization): PublicAuthorization {
  return {
    appId: a.appId,
    channelId: a.channelId,
    kind: a.kind,
    state: a.state,
    permissions: a.permissions.map((id) => ({ id, name: PERMISSION_NAMES[id] ?? null })),
    missingPermissions: missingPermissions(a.kind, a.permissions),
    authorizedAt: a.authorizedAt,
    updatedAt: a.updatedAt,
    revokedAt: a.revokedAt ?? null,
  };
}
