// Port: the outbox sender's media hook. The robot's knowledge entries name their pictures (media
// references), not WeChat media_ids, because nothing may upload inside a unit of work; just before a
// send, a resolver turns them into media_ids WeChat knows. Implemented by the knowledge base
// (knowledge/media-resolver.ts), used by the outbox sender (runtime/outbox-sender.ts).
import type { MessageContent } from '../model/message';

/**
 * Turns media references in `content` into media_ids of `channel` (the sender's API client for the
 * channel's app), uploading as needed. `fresh`: upload again even if a media_id is cached (WeChat said
 * 40007, it expired). Returns `content` itself when nothing needs resolving; throws MediaUnavailable
 * when the media cannot be had.
 */
export interface MediaResolver<Channel> {
  resolve(channelId: string, channel: Channel, content: MessageContent, fresh: boolean): Promise<MessageContent>;
}

/** The media of a message cannot be had (deleted, refused by WeChat): the message fails with this reason. */
export class MediaUnavailable extends Error {
  override readonly name = 'MediaUnavailable';
}
