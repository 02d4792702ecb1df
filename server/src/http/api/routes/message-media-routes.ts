// The media of a customer's message, for the workbench's <audio>, <video> and <img>: voice converted
// to MP3 (WeChat sends AMR or Speex), video and pictures as WeChat keeps them. Who may: whoever may read
// the conversation (app/admin/message-media.ts).
import { z } from 'zod';
import { messageMedia } from '../../../app/admin/message-media';
import { notFound } from '../../../app/errors';
import { id } from '../../../contract/common';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { mediaAnswer } from './media-routes';

export function messageMediaRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/messages/:messageId/media',
      tag: 'conversations',
      summary: 'Play a customer’s voice (as MP3), video or picture, fetched from WeChat (the session cookie works for <audio src>)',
      description:
        'For inbound voice, video and image messages while WeChat still keeps their media (3 days). Voice is converted from AMR or Speex to audio/mpeg; WeChat’s transcription stays on the message (`recognition`). 404 for other messages; 502 media_unavailable when WeChat no longer has it or it cannot be converted.',
      roles: ALL_ROLES,
      params: z.strictObject({ messageId: id }),
      produces: { contentType: 'audio/mpeg', description: 'The media (voice as MP3; video and pictures as WeChat gave them)' },
      handle: async ({ principal, params }) => {
        if (!ctx.messageMedia) throw notFound('message media');
        const media = await messageMedia(ctx.admin, ctx.messageMedia, principal, params.messageId);
        return mediaAnswer(media.contentType, media.data, media.filename ?? 'media');
      },
    }),
  ];
}
