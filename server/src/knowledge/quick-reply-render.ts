// A quick reply, filled for its customer (core/quick-replies), as the messages it sends: its text, then
// its picture or mini program card. Pictures stay references the outbox sender uploads just before
// sending (render.ts's mediaRef), as for knowledge entries; a card names its app on official accounts only.
import type { ChannelKind } from '../core/channel';
import type { MessageContent } from '../core/model/message';
import type { RenderedQuickReply } from '../core/quick-replies/quick-reply';
import { mediaRef } from './render';

export function quickReplyContents(r: RenderedQuickReply, kind: ChannelKind): MessageContent[] {
  const out: MessageContent[] = [];
  if (r.text !== undefined) out.push({ type: 'text', text: r.text });
  if (r.picture !== undefined) out.push({ type: 'image', mediaId: mediaRef(r.picture) });
  if (r.card !== undefined) {
    const { title, pagePath, thumbMedia, appId } = r.card;
    const official = kind === 'official_account';
    out.push({
      type: 'miniprogrampage',
      title,
      pagePath,
      thumbMediaId: mediaRef(thumbMedia),
      ...(official && appId !== undefined && { appId }),
    });
  }
  return out;
}
