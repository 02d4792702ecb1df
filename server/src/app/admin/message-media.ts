// The media of a customer's message (voice, video, a picture), for the workbench to play: read through the
// conversation's rules (whoever may read the conversation may hear it), fetched from WeChat by the
// message's media_id, and voice converted to audio a browser plays. The transcription WeChat sent stays
// on the message itself.
import { MediaUnavailable } from '../../core/ports/media';
import { AudioConversionFailed, type MediaBytes, type MessageMediaDeps } from '../../core/ports/message-media';
import { ApiError, notFound } from '../errors';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { conversationInReach } from './reach';

/** Only a media_id WeChat gave (our own stored media are references: "kbref:…", "media:…"). */
const wechatMediaId = (id: string | undefined) => (id !== undefined && id !== '' && !id.includes(':') ? id : undefined);

export async function messageMedia(deps: AdminDeps, media: MessageMediaDeps, p: Principal, messageId: string): Promise<MediaBytes> {
  const message = await deps.uow.run((tx) => tx.messages.get(messageId));
  if (!message) throw notFound(`message ${messageId}`);
  await conversationInReach(deps, p, message.conversationId);
  const c = message.content;
  const mediaId =
    message.direction === 'in' && (c.type === 'voice' || c.type === 'video' || c.type === 'image') ? wechatMediaId(c.mediaId) : undefined;
  if (mediaId === undefined) throw notFound(`media of message ${messageId}`);
  try {
    const fetched = await media.source.fetch(message.channelId, mediaId);
    return c.type === 'voice' ? await media.audio.toBrowserAudio(fetched) : fetched;
  } catch (err) {
    if (err instanceof MediaUnavailable || err instanceof AudioConversionFailed)
      throw new ApiError(502, 'media_unavailable', `the media of message ${messageId} cannot be had: ${err.message}`);
    throw err;
  }
}
