// Ready-made messages of every type, so the CLI, the emulator and tests can push "a text" or "an
// enter-session event with this SessionFrom" without spelling out every field. Field values are
// shaped like the examples of the receive pages:
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
import { decodeSessionFrom } from '../../../../shared/src/index';
import type { InboundMessage, InboundType, PushHeader } from '../../core/inbound-message';

export interface ExampleContext {
  /** The sender's OpenID. */
  openId: string;
  /** The channel's original ID (gh_…), the push's ToUserName. */
  originalId: string;
  /** Unix seconds. */
  createTime: number;
  /** Default: a 17-digit id above 2^53, as real pushes have. */
  msgId?: string;
  text?: string;
  sessionFrom?: string;
}

export const MINIPROGRAM_TYPES = ['text', 'image', 'miniprogrampage', 'user_enter_tempsession'] as const satisfies readonly InboundType[];
export const OFFICIAL_ACCOUNT_TYPES = [
  'text',
  'image',
  'voice',
  'video',
  'shortvideo',
  'location',
  'link',
  'file',
  'subscribe',
  'unsubscribe',
  'scan',
  'location_report',
  'click',
  'view',
  'kf_create_session',
  'kf_close_session',
  'kf_switch_session',
] as const satisfies readonly InboundType[];
export const ALL_TYPES: readonly InboundType[] = [...new Set<InboundType>([...MINIPROGRAM_TYPES, ...OFFICIAL_ACCOUNT_TYPES, 'unknown'])];

type Build = (h: PushHeader, msgId: string, ctx: ExampleContext) => InboundMessage;

const BUILDERS: Record<InboundType, Build> = {
  text: (h, msgId, c) => ({ ...h, type: 'text', msgId, content: c.text ?? 'this is a test' }),
  image: (h, msgId) => ({ ...h, type: 'image', msgId, picUrl: 'http://mmbiz.qpic.cn/example.jpg', mediaId: 'media_id_1' }),
  miniprogrampage: (h, msgId) => ({
    ...h,
    type: 'miniprogrampage',
    msgId,
    title: 'title',
    appId: 'wx0000000000000001',
    pagePath: 'pages/index/index',
    thumbUrl: 'http://mmbiz.qpic.cn/thumb.jpg',
    thumbMediaId: 'thumb_media_id',
  }),
  user_enter_tempsession: (h, _m, c) => ({
    ...h,
    type: 'user_enter_tempsession',
    sessionFrom: c.sessionFrom ?? 'wxapp',
    context: decodeSessionFrom(c.sessionFrom ?? 'wxapp'),
  }),
  voice: (h, msgId) => ({ ...h, type: 'voice', msgId, mediaId: 'media_id_2', format: 'amr', recognition: '你好' }),
  video: (h, msgId) => ({ ...h, type: 'video', msgId, mediaId: 'media_id_3', thumbMediaId: 'thumb_3' }),
  shortvideo: (h, msgId) => ({ ...h, type: 'shortvideo', msgId, mediaId: 'media_id_4', thumbMediaId: 'thumb_4' }),
  location: (h, msgId) => ({
    ...h,
    type: 'location',
    msgId,
    latitude: '23.134521',
    longitude: '113.358803',
    scale: '20',
    label: '位置信息',
  }),
  link: (h, msgId) => ({
    ...h,
    type: 'link',
    msgId,
    title: '公众平台官网链接',
    description: '公众平台官网链接',
    url: 'https://mp.weixin.qq.com',
  }),
  file: (h, msgId) => ({
    ...h,
    type: 'file',
    msgId,
    title: 'report.pdf',
    description: '12 KB',
    fileKey: 'file_key',
    fileMd5: 'c4f2ff4ef3c0c2c1e1d2f2a4b5b6c7d8',
    fileTotalLen: '12288',
  }),
  subscribe: (h) => ({ ...h, type: 'subscribe', eventKey: 'qrscene_123123', ticket: 'TICKET' }),
  unsubscribe: (h) => ({ ...h, type: 'unsubscribe' }),
  scan: (h) => ({ ...h, type: 'scan', eventKey: '123123', ticket: 'TICKET' }),
  location_report: (h) => ({ ...h, type: 'location_report', latitude: '23.137466', longitude: '113.352425', precision: '119.385040' }),
  click: (h) => ({ ...h, type: 'click', eventKey: 'EVENTKEY' }),
  view: (h) => ({ ...h, type: 'view', eventKey: 'https://www.qq.com/' }),
  kf_create_session: (h) => ({ ...h, type: 'kf_create_session', kfAccount: 'test1@test' }),
  kf_close_session: (h) => ({ ...h, type: 'kf_close_session', kfAccount: 'test1@test' }),
  kf_switch_session: (h) => ({ ...h, type: 'kf_switch_session', fromKfAccount: 'test1@test', toKfAccount: 'test2@test' }),
  unknown: (h) => ({
    type: 'unknown',
    msgType: 'event',
    event: 'subscribe_msg_popup_event',
    raw: {
      ToUserName: h.toUserName,
      FromUserName: h.fromUserName,
      CreateTime: String(h.createTime),
      MsgType: 'event',
      Event: 'subscribe_msg_popup_event',
    },
  }),
};

export function exampleMessage(type: InboundType, ctx: ExampleContext): InboundMessage {
  const header: PushHeader = { toUserName: ctx.originalId, fromUserName: ctx.openId, createTime: String(ctx.createTime) };
  return BUILDERS[type](header, ctx.msgId ?? '23241477706429916', ctx);
}
