// Port: where channels are kept, with their secrets (storage seals them at rest). A ChannelRecord holds
// secrets in clear, so it never leaves the server as is: anything shown to a person or an integration
// goes through publicChannel(), which copies only the fields known to be public.
import { DEFAULT_GRACE_SECONDS, type ChannelActivity, type ChannelConfig } from '../channel';
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
  /** How long the previous push settings stay valid after a change; absent: DEFAULT_GRACE_SECONDS. */
  graceSeconds?: number;
  /** When WeChat last verified the push URL (GET echostr) and last pushed; written by recordActivity only. */
  lastVerifiedAt?: number;
  lastPushAt?: number;
  /** When an admin archived the channel: out of the default lists, pushes still stored (see app/admin/archive.ts). */
  archivedAt?: number;
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
  /** Pushes further than this from now are refused; null: no window. */
  replayWindowSeconds: number | null;
  /** The grace period a change of Token, EncodingAESKey or mode gives the previous values. */
  graceSeconds: number;
  /** While the previous push settings are accepted (epoch ms), and their mode; null: no change pending. */
  previousValidUntil: number | null;
  previousMode: ChannelRecord['mode'] | null;
  lastVerifiedAt: number | null;
  lastPushAt: number | null;
  archivedAt: number | null;
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
    replayWindowSeconds: r.replayWindowSeconds ?? null,
    graceSeconds: r.graceSeconds ?? DEFAULT_GRACE_SECONDS,
    previousValidUntil: r.previous?.until ?? null,
    previousMode: r.previous?.mode ?? null,
    lastVerifiedAt: r.lastVerifiedAt ?? null,
    lastPushAt: r.lastPushAt ?? null,
    archivedAt: r.archivedAt ?? null,
    pushPath: `/wechat/${encodeURIComponent(r.id)}`,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface ChannelStore {
  /** Every channel, by id. */
  list(): Promise<ChannelRecord[]>;
  get(id: string): Promise<ChannelRecord | undefined>;
  /** Insert or replace the whole record (createdAt is kept as given; lastVerifiedAt and lastPushAt are kept as stored). */
  save(record: ChannelRecord): Promise<void>;
  /** Sets lastVerifiedAt or lastPushAt of a channel (nothing when it is gone). */
  recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void>;
  /** False when there was no such channel. */
  delete(id: string): Promise<boolean>;
  /**
   * A number that changes with every save of the channel (never with recordActivity); undefined when there
   * is no such channel. One cheap read, no secret opened: a cache compares it with the revision it loaded to
   * see a change made elsewhere (the CLI, another node). Read it before the record it goes with.
   */
  revision(id: string): Promise<number | undefined>;
}
