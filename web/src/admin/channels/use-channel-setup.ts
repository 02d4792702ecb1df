// The channel's setup answer (push URL on the server's public base URL, the ids integrators need) and the
// configuration file's types, inferred from the server's schemas (type-only imports, as api/types.ts does).
import type { z } from 'zod';
import type * as config from '../../../../server/src/contract/channel-config';
import { api } from '../../api/client';
import { channelPath } from '../admin-context';
import { useLoad } from '../use-load';

export type ChannelSetupAnswer = z.output<typeof config.channelSetup>;
export type ChannelConfigImportAnswer = z.output<typeof config.channelConfigImport>;

/** Loaded again whenever `version` changes (the channel was saved). */
export function useChannelSetup(channelId: string | undefined, version: number) {
  return useLoad(channelId === undefined ? undefined : `${channelId}:${version}`, (signal) =>
    api.get<ChannelSetupAnswer>(channelPath(channelId as string, '/setup'), undefined, signal),
  );
}
