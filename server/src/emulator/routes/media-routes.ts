// cgi-bin/media/upload (multipart, field `media`) and cgi-bin/media/get
// (doc/service/api/material/temporary/api_uploadtempmedia, .../api_gettempmedia).
import { Router, type Request } from 'express';
import { EmulatorApiError } from '../errors';
import { appOfToken, type EmulatorState } from '../state';
import { queryString, wechatApi } from './wechat-handler';

/** The `media` part of a multipart body; Node's own parser, so no multipart library is needed. */
async function mediaPart(req: Request): Promise<File> {
  const contentType = req.get('content-type') ?? '';
  if (!Buffer.isBuffer(req.body) || !contentType.startsWith('multipart/form-data')) throw new EmulatorApiError(41005);
  let form: FormData;
  try {
    form = await new Response(req.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new EmulatorApiError(41005);
  }
  const part = form.get('media');
  if (!(part instanceof File)) throw new EmulatorApiError(41005);
  return part;
}

export function mediaRoutes(state: EmulatorState): Router {
  const r = Router();
  r.post(
    '/cgi-bin/media/upload',
    wechatApi(state, 'cgi-bin/media/upload', async (req, ctx) => {
      const app = appOfToken(state, req.query.access_token, 'media');
      ctx.appId = app.appId;
      const type = queryString(req, 'type') ?? '';
      const part = await mediaPart(req);
      ctx.request = { type, filename: part.name, size: part.size };
      const data = Buffer.from(await part.arrayBuffer());
      const contentType = part.type || 'application/octet-stream';
      const m = state.media.add(
        { appId: app.appId, kind: app.kind, type, data, filename: part.name, contentType },
        state.clock.now(),
        'upload',
      );
      const idField = type === 'thumb' ? 'thumb_media_id' : 'media_id';
      return { json: { type, [idField]: m.mediaId, created_at: Math.floor(m.createdAt / 1000) } };
    }),
  );
  r.get(
    '/cgi-bin/media/get',
    wechatApi(state, 'cgi-bin/media/get', (req, ctx) => {
      const app = appOfToken(state, req.query.access_token, 'media');
      ctx.appId = app.appId;
      const mediaId = queryString(req, 'media_id');
      ctx.request = { media_id: mediaId };
      return { file: state.media.get(app.appId, mediaId, state.clock.now()) };
    }),
  );
  return r;
}
