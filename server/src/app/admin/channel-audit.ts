// A channel's change as the audit log keeps it: the public view (publicChannel's allow-list, no secret) and
// the names of the secrets that were replaced, never their values.
import { type ChannelRecord, publicChannel } from '../../core/ports/channel-store';
import { changedSecrets } from '../support/audit';

const SECRETS = ['token', 'encodingAesKey', 'appSecret', 'unionIdKey'] as const;

export function channelChange(verb: string, before: ChannelRecord | undefined, after: ChannelRecord | undefined) {
  const secretsChanged = before && after ? changedSecrets(before, after, SECRETS) : [];
  return {
    action: `channel.${verb}`,
    targetType: 'channel',
    targetId: (after ?? before)?.id ?? '',
    channelId: (after ?? before)?.id,
    ...(before && { before: publicChannel(before) }),
    ...(after && { after: { ...publicChannel(after), ...(secretsChanged.length > 0 && { secretsChanged }) } }),
  };
}
