// The open platform's answers and bodies (扫码授权), inferred from the server's zod schemas like types.ts.
import type * as platform from '../../../server/src/contract/open-platform';
import type { In, Out } from './types';

export type Platform = Out<typeof platform.platform>;
export type PlatformChange = In<typeof platform.platformChange>;
export type AuthorizationLinkCreate = In<typeof platform.authorizationLinkCreate>;
export type AuthorizationLink = Out<typeof platform.authorizationLink>;
export type Authorization = Out<typeof platform.authorization>;
export type ChannelAuthorization = Out<typeof platform.channelAuthorization>;
export type AuthorizationTarget = AuthorizationLinkCreate['target'];
