// Media for the workbench: agents upload the pictures they send (stored with the knowledge base's media,
// owned by the uploader's channel and merchant), and the browser loads stored media back as <img src>,
// authenticated by the session cookie and checked against the media's owner like any record.
import type { ApiContext } from '../api-context';
import { badRequest, notFound } from '../../../app/errors';
import { ALL_ROLES, RawAnswer, route, type ApiRoute } from '../route-table';
import { channelParams } from '../../../contract/common';
import { MAX_PICTURE_BODY_BYTES, mediaParams, mediaQuery, pictureUpload, uploaded } from '../../../contract/media';
import { mediaUrlOf } from '../views/message-view';
import { channelInReach, workingMerchant } from '../../../app/admin/reach';
import { mediaInReach } from './lookups';
import { checkedContentType } from '../../../core/media/media-rules';

const TAG = 'media';

/** Types a browser may render in place; anything else (an SVG with script, say) is only downloaded. */
const INLINE = /^(image\/(jpeg|png|gif|webp|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

export function mediaRoutes(ctx: ApiContext): ApiRoute[] {
  const kb = () => {
    if (!ctx.knowledge) throw notFound('media store');
    return ctx.knowledge;
  };
  return [
    route({
      method: 'post',
      path: '/channels/:channelId/media',
      tag: TAG,
      summary: 'Upload a picture to send in a reply (JPEG, PNG or GIF, at most 2 MiB)',
      roles: ALL_ROLES,
      status: 201,
      description:
        'The picture belongs to the caller’s merchant (platform admins choose with merchantId). Its bytes must be what WeChat sends as an image: another format (WebP, BMP, text…) answers 400 unsupported_media_format; too large, 413 body_too_large or media_too_large.',
      params: channelParams,
      query: mediaQuery,
      body: pictureUpload,
      response: uploaded,
      maxBodyBytes: MAX_PICTURE_BODY_BYTES,
      handle: async ({ principal, params, query, body }) => {
        const channel = await channelInReach(ctx.admin, principal, params.channelId);
        const merchantId = await workingMerchant(ctx.admin, principal, params.channelId, query.merchantId);
        const data = Buffer.from(body.base64, 'base64');
        // Checked when saved, by its bytes, so a reply never fails at send for every customer (MediaRefused → 400/413).
        const contentType = checkedContentType(data, 'image', channel.kind, 'the picture');
        if (contentType !== body.contentType)
          throw badRequest(`body.base64: the file is not the ${body.contentType} picture contentType says (it is ${contentType})`);
        const owner = { channelId: params.channelId, ...(merchantId !== undefined && { merchantId }) };
        const media = await kb().saveMedia({ filename: body.filename, contentType, data, owner, kind: 'reply' });
        return { media, url: mediaUrlOf(media) as string };
      },
    }),
    route({
      method: 'get',
      path: '/media/:mediaId',
      tag: TAG,
      summary: 'The bytes of stored media (for <img src>; the session cookie authenticates)',
      roles: ALL_ROLES,
      params: mediaParams,
      produces: {
        contentType: 'image/*',
        description: 'The stored file with its own content type (knowledge media may also be audio or video)',
      },
      handle: async ({ principal, params }) => {
        const media = await mediaInReach(ctx, principal, params.mediaId);
        return mediaAnswer(media.contentType, media.data, media.filename);
      },
    }),
  ];
}

/** Media bytes as an answer: shown in place only when a browser may (else downloaded), and never able to run in our origin. */
export function mediaAnswer(contentType: string, data: Uint8Array, filename: string): RawAnswer {
  const inline = INLINE.test(contentType);
  return new RawAnswer(inline ? contentType : 'application/octet-stream', data, {
    'cache-control': 'private, max-age=86400',
    'x-content-type-options': 'nosniff',
    // Opened on its own, the file can run nothing in our origin.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
