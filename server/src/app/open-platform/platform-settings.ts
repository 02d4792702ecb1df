// The open platform's own settings: the operator (API, command line, channels file) sets the component
// AppID, AppSecret, Token and EncodingAESKey once. Secrets are write-only: answers say only whether they are set.
import { changedSecrets, recordChange, type AuditDeps } from '../support/audit';
import type { Principal } from '../auth/principal';
import { VERIFY_TICKET_LIFETIME_MS, type PlatformSettings } from '../../core/open-platform';
import { badRequest } from '../errors';
import { PLATFORM_PATHS, type PlatformDeps } from './platform-deps';

export interface PublicPlatform {
  configured: boolean;
  componentAppId: string | null;
  appSecretSet: boolean;
  tokenSet: boolean;
  encodingAesKeySet: boolean;
  /** When the latest component_verify_ticket arrived; null: none yet (WeChat pushes one every 10 minutes). */
  ticketReceivedAt: number | null;
  /** A ticket younger than 12 hours is held: component tokens can be fetched. */
  ticketValid: boolean;
  eventsPath: string;
  messagesPath: string;
  redirectPath: string;
  updatedAt: number | null;
}

/** A change: absent secrets keep the stored ones (a first configuration needs them all). */
export interface PlatformChange {
  componentAppId?: string | undefined;
  appSecret?: string | undefined;
  token?: string | undefined;
  encodingAesKey?: string | undefined;
}

export async function readPlatform(deps: Pick<PlatformDeps, 'platform' | 'clock'>): Promise<PublicPlatform> {
  const [settings, ticket] = await Promise.all([deps.platform.settings(), deps.platform.ticket()]);
  return {
    configured: settings !== undefined,
    componentAppId: settings?.componentAppId ?? null,
    appSecretSet: settings !== undefined,
    tokenSet: settings !== undefined,
    encodingAesKeySet: settings !== undefined,
    ticketReceivedAt: ticket?.receivedAt ?? null,
    ticketValid: ticket !== undefined && deps.clock.now() - ticket.receivedAt < VERIFY_TICKET_LIFETIME_MS,
    eventsPath: PLATFORM_PATHS.events,
    messagesPath: PLATFORM_PATHS.messages,
    redirectPath: PLATFORM_PATHS.authorized,
    updatedAt: settings?.updatedAt ?? null,
  };
}

/** `p`: who changes it (absent: the server's own configuration at start), for the audit log (which keeps the public view and the names of the secrets replaced). */
export async function configurePlatform(
  deps: Pick<PlatformDeps, 'platform' | 'clock'> & Partial<AuditDeps>,
  change: PlatformChange,
  p?: Principal,
): Promise<PublicPlatform> {
  const before = await readPlatform(deps);
  const current = await deps.platform.settings();
  const pick = (key: keyof PlatformChange) => change[key] ?? current?.[key];
  const [componentAppId, appSecret, token, encodingAesKey] = (['componentAppId', 'appSecret', 'token', 'encodingAesKey'] as const).map(
    pick,
  );
  const missing = Object.entries({ componentAppId, appSecret, token, encodingAesKey })
    .filter(([, v]) => v === undefined)
    .map(([k]) => `body.${k}`);
  if (missing.length > 0) throw badRequest(`the first configuration of the platform needs ${missing.join(', ')}`);
  const settings: PlatformSettings = {
    componentAppId: componentAppId!,
    appSecret: appSecret!,
    token: token!,
    encodingAesKey: encodingAesKey!,
    updatedAt: deps.clock.now(),
  };
  await deps.platform.saveSettings(settings);
  const after = await readPlatform(deps);
  const secretsChanged = current ? changedSecrets(current, settings, ['appSecret', 'token', 'encodingAesKey']) : [];
  const what = { action: 'platform.change', targetType: 'platform', targetId: 'platform', before, after: { ...after, secretsChanged } };
  if (p) await recordChange(deps, p, what);
  return after;
}
