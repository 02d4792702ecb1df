// One WeChat API client per channel, each with its own access-token broker (so a channel's token is
// fetched once and shared by every send). A channel whose AppID, AppSecret or token source changed gets
// a new broker; a deleted channel has none.
import type { ChannelStore } from '../core/ports/channel-store';
import type { TokenStore } from '../core/ports/token-store';
import { AccessTokenBroker, WeChatApi, type WeChatClient } from '../wechat/outbound/index';
import type { SendingChannel } from './outbox-sender';

interface Cached {
  fingerprint: string;
  channel: SendingChannel;
}

export class WeChatApis {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly client: WeChatClient,
    private readonly channels: ChannelStore,
    private readonly tokens: TokenStore,
  ) {}

  async forChannel(channelId: string): Promise<SendingChannel | undefined> {
    const record = await this.channels.get(channelId);
    if (!record) {
      this.cache.delete(channelId);
      return undefined;
    }
    // The secret is part of the key only in memory, to notice a change; it is never logged or stored.
    const fingerprint = `${record.appId}\n${record.appSecret}\n${record.tokenSource}`;
    const cached = this.cache.get(channelId);
    if (cached?.fingerprint === fingerprint) return cached.channel;
    const broker = new AccessTokenBroker({
      appId: record.appId,
      secret: record.appSecret,
      client: this.client,
      store: this.tokens,
      source: record.tokenSource,
    });
    const channel = { kind: record.kind, api: new WeChatApi(this.client, broker) };
    this.cache.set(channelId, { fingerprint, channel });
    return channel;
  }
}
