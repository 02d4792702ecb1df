// What the open platform's stories need: the platform store, the channel store (an authorization creates
// its channel), the token store (the first authorizer token from api_query_auth), the clock, WeChat's open
// platform API, and random push secrets for the channels it creates.
import type { ChannelStore } from '../../core/ports/channel-store';
import type { Clock } from '../../core/ports/clock';
import type { OpenPlatformApi } from '../../core/ports/open-platform-api';
import type { PlatformStore } from '../../core/ports/platform-store';
import type { TokenStore } from '../../core/ports/token-store';

export interface PlatformDeps {
  platform: PlatformStore;
  channels: ChannelStore;
  tokens: TokenStore;
  clock: Clock;
  /** Absent (the command line): the stories that call WeChat refuse. */
  api?: OpenPlatformApi;
  /**
   * A Token and EncodingAESKey nobody holds, for a channel created by an authorization: its own push URL
   * (/wechat/<id>) then accepts nothing, since its pushes come to the platform's message URL.
   */
  newPushSecrets(): { token: string; encodingAesKey: string };
}

/** The platform's URLs, on the server's public origin: what the operator types into WeChat's console. */
export const PLATFORM_PATHS = {
  /** 授权事件接收URL: component_verify_ticket and the authorization events. */
  events: '/wechat/component/events',
  /** 消息与事件接收URL: WeChat replaces $APPID$ with the authorized account's AppID. */
  messages: '/wechat/component/$APPID$/messages',
  /** Where the authorization page sends the admin back, with auth_code. */
  authorized: '/wechat/component/authorized',
} as const;
