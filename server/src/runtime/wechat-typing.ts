// The typing port over WeChat's API: custom/typing with the channel's client and access token.
import type { TypingSender } from '../core/ports/typing';
import { setTyping } from '../wechat/outbound/index';
import type { WeChatApis } from './wechat-apis';

export function wechatTyping(apis: WeChatApis): TypingSender {
  return {
    async setTyping(channelId, openid, command) {
      const channel = await apis.forChannel(channelId);
      if (!channel) throw new Error(`no channel ${channelId}`);
      await setTyping(channel.api, openid, command);
    },
  };
}
