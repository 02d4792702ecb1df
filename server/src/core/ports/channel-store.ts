// Port: where channels are kept, with their secrets (storage seals them at rest). A ChannelRecord holds
// secrets in clear, so it never leaves the server as is: anything shown to a person or an integration
// goes through publicChannel(), which copies only the fields known to be public.
import type { ChannelConfig } from '../channel';
import type { TokenSource } from './token-store';

export interface ChannelRecord extends ChannelConfig {
  /** What people call it in the admin UI. */
  name: string;
  /** The AppSecret; a secret. */
  appSecret: string;
  /** Key that decrypts the UnionID the contact kit sends in its session-from; a secret. */
  unionIdKey?: string;
  /** Which WeChat API fetches this channel's access tokens. */
  tokenSource: TokenSource;
  /** Agents see customers' decrypted UnionIDs (admins always do); absent: no. */
  agentsSeeUnionId?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A channel without its secrets; says only whether the optional ones are set. */
export interface PublicChannel {
  id: string;
  name: string;
  kind: ChannelRecord['kind'];
  appId: string;
  originalId: string;
  mode: ChannelRecord['mode'];
  format: ChannelRecord['format'];
  tokenSource: TokenSource;
  hasEncodingAesKey: boolean;
  hasUnionIdKey: boolean;
  /** Always true (both are required); said so the browser need not know which secrets are optional. */
  appSecretSet: boolean;
  tokenSet: boolean;
  /** The same as hasEncodingAesKey, under the name the workbench uses. */
  encodingAesKeySet: boolean;
  agentsSeeUnionId: boolean;
  /** Where WeChat pushes: the console's URL is this path on the server's public origin. */
  pushPath: string;
  createdAt: number;
  updatedAt: number;
}

/** Built field by field (never by removing secrets) so a secret added to ChannelRecord later stays hidden. */
export function publicChannel(r: ChannelRecord): PublicChannel {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    appId: r.appId,
    originalId: r.originalId,
    mode: r.mode,
    format: r.format,
    tokenSource: r.tokenSource,
    hasEncodingAesKey: r.encodingAesKey !== undefined,
    hasUnionIdKey: r.unionIdKey !== undefined,
    appSecretSet: r.appSecret !== '',
    tokenSet: r.token !== '',
    encodingAesKeySet: r.encodingAesKey !== undefined,
    agentsSeeUnionId: r.agentsSeeUnionId === true,
    pushPath: `/wechat/${encodeURIComponent(r.id)}`,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface ChannelStore {
  /** Every channel, by id. */
  list(): Promise<ChannelRecord[]>;
  get(id: string): Promise<ChannelRecord | undefined>;
  /** Insert or replace the whole record (createdAt is kept as given). */
  save(record: ChannelRecord): Promise<void>;
  /** False when there was no such channel. */
  delete(id: string): Promise<boolean>;
}
