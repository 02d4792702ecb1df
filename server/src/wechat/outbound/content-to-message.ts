// From what a conversation message says (core's MessageContent) to the customer-service send body WeChat
// takes for the channel's kind (wechat-protocol.md §4.2 mini program, §4.3 official account). A mini
// program may send only text, image, link and mini program cards; anything else, or a card without the
// media it needs, cannot be sent and says why (the agent sees the reason next to the message).
import type { ChannelKind } from '../../core/channel';
import type { MessageContent } from '../../core/model/message';
import { miniProgramMessages } from './miniprogram-messages';
import { officialAccountMessages } from './official-account-messages';
import type { CustomMessage } from './send';

export type ToWeChat = { ok: true; message: CustomMessage } | { ok: false; reason: string };

const no = (reason: string): ToWeChat => ({ ok: false, reason });
const yes = (message: CustomMessage): ToWeChat => ({ ok: true, message });

function forMiniProgram(to: string, c: MessageContent): ToWeChat {
  switch (c.type) {
    case 'text':
      return yes(miniProgramMessages.text(to, c.text));
    case 'image':
      return c.mediaId ? yes(miniProgramMessages.image(to, c.mediaId)) : no('an image needs a media_id (upload it first)');
    case 'link':
      // title, description, url and thumb_url are all required: an empty description is refused by WeChat.
      if (!c.description.trim()) return no('a mini program link needs a description (WeChat refuses one without)');
      return c.thumbUrl
        ? yes(miniProgramMessages.link(to, { title: c.title, description: c.description, url: c.url, thumbUrl: c.thumbUrl }))
        : no('a link needs a thumbnail URL');
    case 'miniprogrampage':
      return c.thumbMediaId
        ? yes(miniProgramMessages.page(to, { title: c.title, pagePath: c.pagePath, thumbMediaId: c.thumbMediaId }))
        : no('a mini program card needs a thumbnail media_id (upload it first)');
    default:
      return no(`a mini program cannot send ${c.type} messages (text, image, link and cards only)`);
  }
}

function forOfficialAccount(to: string, c: MessageContent): ToWeChat {
  switch (c.type) {
    case 'text':
      return yes(officialAccountMessages.text(to, c.text));
    case 'image':
      return c.mediaId ? yes(officialAccountMessages.image(to, c.mediaId)) : no('an image needs a media_id (upload it first)');
    case 'voice':
      return yes(officialAccountMessages.voice(to, c.mediaId));
    case 'video':
      return c.thumbMediaId
        ? yes(
            officialAccountMessages.video(to, {
              mediaId: c.mediaId,
              thumbMediaId: c.thumbMediaId,
              ...(c.title !== undefined && { title: c.title }),
              ...(c.description !== undefined && { description: c.description }),
            }),
          )
        : no('a video needs a thumbnail media_id');
    case 'link':
      // Official accounts send a link as a one-article news message.
      return yes(
        officialAccountMessages.news(to, [
          { title: c.title, description: c.description, url: c.url, ...(c.thumbUrl !== undefined && { picUrl: c.thumbUrl }) },
        ]),
      );
    case 'miniprogrampage':
      return c.appId && c.thumbMediaId
        ? yes(
            officialAccountMessages.miniProgramPage(to, {
              title: c.title,
              appId: c.appId,
              pagePath: c.pagePath,
              thumbMediaId: c.thumbMediaId,
            }),
          )
        : no('a mini program card from an official account needs the mini program AppID and a thumbnail media_id');
    default:
      return no(`an official account cannot send ${c.type} messages`);
  }
}

export function toWeChatMessage(kind: ChannelKind, toOpenid: string, content: MessageContent): ToWeChat {
  return kind === 'miniprogram' ? forMiniProgram(toOpenid, content) : forOfficialAccount(toOpenid, content);
}
