// The content of a customer's push, as a conversation message.
import type { InboundMessage } from '../inbound-message';
import type { MessageContent } from '../model/message';

/** The pushes that are messages: the variants that carry a MsgId (they open WeChat's 48-hour window). */
export type CustomerMessagePush = Extract<InboundMessage, { msgId: string }>;

export function contentOf(push: CustomerMessagePush): MessageContent {
  switch (push.type) {
    case 'text':
      return { type: 'text', text: push.content };
    case 'image':
      return { type: 'image', mediaId: push.mediaId, picUrl: push.picUrl };
    case 'miniprogrampage':
      return {
        type: 'miniprogrampage',
        title: push.title,
        pagePath: push.pagePath,
        appId: push.appId,
        thumbMediaId: push.thumbMediaId,
        thumbUrl: push.thumbUrl,
      };
    case 'voice':
      return { type: 'voice', mediaId: push.mediaId, ...(push.recognition !== undefined && { recognition: push.recognition }) };
    case 'video':
    case 'shortvideo':
      return { type: 'video', mediaId: push.mediaId, thumbMediaId: push.thumbMediaId };
    case 'location':
      return { type: 'location', latitude: push.latitude, longitude: push.longitude, scale: push.scale, label: push.label };
    case 'link':
      return { type: 'link', title: push.title, description: push.description, url: push.url };
    case 'file':
      return { type: 'file', title: push.title, fileKey: push.fileKey, ...fileSize(push.fileTotalLen) };
  }
}

const MESSAGE_TYPES = new Set(['text', 'image', 'miniprogrampage', 'voice', 'video', 'shortvideo', 'location', 'link', 'file']);

/** Narrows a parsed push to a customer message; events and unknown pushes are not. */
export function isCustomerMessage(push: { type: string }): push is CustomerMessagePush {
  return MESSAGE_TYPES.has(push.type);
}

/** FileTotalLen as WeChat sent it (a decimal string), kept when it is a size. */
function fileSize(total: string | undefined): { size?: number } {
  const size = Number(total);
  return total !== undefined && total !== '' && Number.isSafeInteger(size) && size >= 0 ? { size } : {};
}
