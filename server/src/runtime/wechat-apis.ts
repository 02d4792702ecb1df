// One WeChat API client per channel, each with its own access-token broker (so a channel's token is
// fetched once and shared by every send). A channel whose AppID, AppSecret or token source changed gets
// a new broker; a deleted channel has none. A channel that authorized our open platform gets its
// authorizer's broker (runtime/open-platform-apis.ts): its tokens come from api_authorizer_token, never
// from cgi-bin/token; once revoked it gets none (nothing is sent for it).
// The channel is read from the directory the push path reads (storage/cached-channel-directory.ts): kept in
// memory with its secrets open, dropped by every change made through it (the admin API, the open
// platform) and re-read within a second of a change made elsewhere (the CLI, another node), so the outbox
// sender does not read and decrypt the channel for every batch. The authorization
// is read each time: a revocation stops the next send.
import type { ChannelRecord } from '../core/ports/channel-store';
import type { PlatformStore } from '../core/ports/platform-store';
import type { TokenStore } from '../core/ports/token-store';
import { AccessTokenBroker, WeChatApi, type WeChatClient } from '../wechat/outbound/index';
import type { OpenPlatformApis } from './open-platform-apis';
import type { SendingChannel } from './outbox-sender';

/** The open platform, for channels that authorized it. */
export interface AuthorizedChannels {
  platform: PlatformStore;
  apis: OpenPlatformApis;
}

/** The channels with their secrets (CachedChannelDirectory). */
export interface ChannelRecords {
  findRecord(id: string): Promise<Readonly<ChannelRecord> | undefined>;
}

interface Cached {
  fingerprint: string;
  channel: SendingChannel;
}

export class WeChatApis {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly client: WeChatClient,
    private readonly channels: ChannelRecords,
    private readonly tokens: TokenStore,
    private readonly authorized?: AuthorizedChannels,
  ) {}

  async forChannel(channelId: string): Promise<SendingChannel | undefined> {
    const record = await this.channels.findRecord(channelId);
    if (!record) {
      this.cache.delete(channelId);
      return undefined;
    }
    const authorized = this.authorized;
    const authorization = await authorized?.platform.authorizationOfChannel(channelId);
    if (authorization && authorization.state !== 'authorized') return undefined;
    // The secret is part of the key only in memory, to notice a change; it is never logged or stored.
    const fingerprint = authorization
      ? `authorizer\n${authorization.appId}`
      : `${record.appId}\n${record.appSecret}\n${record.tokenSource}`;
    const cached = this.cache.get(channelId);
    if (cached?.fingerprint === fingerprint) return cached.channel;
    const broker = authorization && authorized ? authorized.apis.authorizerBroker(authorization.appId) : this.ownBroker(record);
    const channel = { kind: record.kind, api: new WeChatApi(this.client, broker) };
    this.cache.set(channelId, { fingerprint, channel });
    return channel;
  }

  private ownBroker(record: { appId: string; appSecret: string; tokenSource: 'stable' | 'basic' }): AccessTokenBroker {
    return new AccessTokenBroker({
      appId: record.appId,
      secret: record.appSecret,
      client: this.client,
      store: this.tokens,
      source: record.tokenSource,
    });
  }
}
