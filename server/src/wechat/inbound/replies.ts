// Passive replies (被动回复) written into the push response, in the channel's format.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/trans.html
// https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Forwarding_of_messages_to_service_center.html
import type { ChannelConfig } from '../../core/channel';
import type { PassiveReply } from '../../core/inbound-message';
import { ReplyNotAllowedError } from './errors';
import { WireNumber, type WireRecord, type WireValue, toFormat } from './wire-format';

/** The reply-type specific part, keyed as WeChat's XML elements. */
function replyBody(reply: PassiveReply): WireRecord {
  switch (reply.type) {
    case 'text':
      return { Content: reply.content };
    case 'image':
      return { Image: { MediaId: reply.mediaId } };
    case 'voice':
      return { Voice: { MediaId: reply.mediaId } };
    case 'video':
      return { Video: { MediaId: reply.mediaId, Title: reply.title, Description: reply.description } };
    case 'music':
      return {
        Music: {
          Title: reply.title,
          Description: reply.description,
          MusicUrl: reply.musicUrl,
          HQMusicUrl: reply.hqMusicUrl,
          ThumbMediaId: reply.thumbMediaId,
        },
      };
    case 'news':
      return { ArticleCount: new WireNumber(reply.articles.length), Articles: newsItems(reply) };
    case 'transfer_customer_service':
      // TransInfo is documented for official accounts; harmless to omit otherwise.
      return { TransInfo: reply.kfAccount === undefined ? undefined : { KfAccount: reply.kfAccount } };
  }
}

function newsItems(reply: Extract<PassiveReply, { type: 'news' }>): WireValue {
  return reply.articles.map((a) => ({ Title: a.title, Description: a.description, PicUrl: a.picUrl, Url: a.url }));
}

/** Mini programs only accept transfer_customer_service as a passive reply. */
export function assertReplyAllowed(channel: ChannelConfig, reply: PassiveReply): void {
  if (channel.kind === 'miniprogram' && reply.type !== 'transfer_customer_service') {
    throw new ReplyNotAllowedError(`mini programs cannot answer a push with ${reply.type}`);
  }
}

/** Who a reply goes to: the push's sender, from our original ID (`gh_…`). */
export interface ReplyAddress {
  openId: string;
  originalId: string;
}

/** The reply record, addressed back to the sender. `nowSeconds` is the reply's CreateTime. */
export function buildReplyRecord(to: ReplyAddress, reply: PassiveReply, nowSeconds: number): WireRecord {
  return {
    ToUserName: to.openId,
    FromUserName: to.originalId,
    CreateTime: new WireNumber(nowSeconds),
    MsgType: reply.type,
    ...replyBody(reply),
  };
}

/** The reply plaintext in the channel's format (JSON channels get JSON, as a community note says XML is refused there). */
export function renderReply(channel: ChannelConfig, openId: string, reply: PassiveReply, nowSeconds: number): string {
  assertReplyAllowed(channel, reply);
  return toFormat(buildReplyRecord({ openId, originalId: channel.originalId }, reply, nowSeconds), channel.format);
}
