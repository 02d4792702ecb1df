// A push record (from XML or JSON) → InboundMessage. Total: whatever arrives becomes a variant, never an error.
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
import { decodeSessionFrom } from '../../../../shared/src/index';
import type { InboundMessage, PushHeader, RawRecord } from '../../core/inbound-message';
import { textField } from './envelope';

/** Thrown inside this module only: a required field is missing, so the push becomes `unknown`. */
class MissingField extends Error {}

class Fields {
  constructor(private readonly record: RawRecord) {}
  optional(key: string): string | undefined {
    return textField(this.record, key);
  }
  text(key: string): string {
    const value = this.optional(key);
    if (value === undefined) throw new MissingField(key);
    return value;
  }
  /** A number, kept as the text WeChat sent (`23.130000` stays so): only checked to be one. */
  number(key: string): string {
    const text = this.text(key);
    const trimmed = text.trim();
    if (trimmed === '' || !Number.isFinite(Number(trimmed))) throw new MissingField(key);
    return text;
  }
  /** CreateTime: whole seconds written as digits, kept as sent. */
  seconds(key: string): string {
    const text = this.text(key);
    if (!/^\d{1,15}$/.test(text.trim())) throw new MissingField(key);
    return text;
  }
}

type Build = (f: Fields, h: PushHeader) => InboundMessage;

const MESSAGES: Record<string, Build> = {
  text: (f, h) =>
    withOptional({ ...h, type: 'text', msgId: f.text('MsgId'), content: f.text('Content') }, 'bizMsgMenuId', f.optional('bizmsgmenuid')),
  image: (f, h) => ({ ...h, type: 'image', msgId: f.text('MsgId'), picUrl: f.text('PicUrl'), mediaId: f.text('MediaId') }),
  miniprogrampage: (f, h) => ({
    ...h,
    type: 'miniprogrampage',
    msgId: f.text('MsgId'),
    title: f.text('Title'),
    appId: f.text('AppId'),
    pagePath: f.text('PagePath'),
    thumbUrl: f.text('ThumbUrl'),
    thumbMediaId: f.text('ThumbMediaId'),
  }),
  voice: (f, h) =>
    withOptional(
      { ...h, type: 'voice', msgId: f.text('MsgId'), mediaId: f.text('MediaId'), format: f.text('Format') },
      'recognition',
      f.optional('Recognition'),
    ),
  video: (f, h) => ({ ...h, type: 'video', msgId: f.text('MsgId'), mediaId: f.text('MediaId'), thumbMediaId: f.text('ThumbMediaId') }),
  shortvideo: (f, h) => ({
    ...h,
    type: 'shortvideo',
    msgId: f.text('MsgId'),
    mediaId: f.text('MediaId'),
    thumbMediaId: f.text('ThumbMediaId'),
  }),
  location: (f, h) => ({
    ...h,
    type: 'location',
    msgId: f.text('MsgId'),
    latitude: f.number('Location_X'),
    longitude: f.number('Location_Y'),
    scale: f.number('Scale'),
    label: f.text('Label'),
  }),
  link: (f, h) => ({
    ...h,
    type: 'link',
    msgId: f.text('MsgId'),
    title: f.text('Title'),
    description: f.text('Description'),
    url: f.text('Url'),
  }),
  file: (f, h) => ({
    ...h,
    type: 'file',
    msgId: f.text('MsgId'),
    title: f.text('Title'),
    description: f.text('Description'),
    fileKey: f.text('FileKey'),
    fileMd5: f.text('FileMd5'),
    fileTotalLen: f.number('FileTotalLen'),
  }),
};

/** Keyed by the lower-cased Event: WeChat writes `SCAN`, `LOCATION`, `CLICK`, `VIEW` in capitals. */
const EVENTS: Record<string, Build> = {
  user_enter_tempsession: (f, h) => {
    // SessionFrom may be absent or a foreign value like "wxapp": that is "no context", not a failure.
    const sessionFrom = f.optional('SessionFrom') ?? '';
    return { ...h, type: 'user_enter_tempsession', sessionFrom, context: decodeSessionFrom(sessionFrom) };
  },
  subscribe: (f, h) => {
    const event = withOptional({ ...h, type: 'subscribe' as const }, 'eventKey', nonEmpty(f.optional('EventKey')));
    return withOptional(event, 'ticket', nonEmpty(f.optional('Ticket')));
  },
  unsubscribe: (_f, h) => ({ ...h, type: 'unsubscribe' }),
  scan: (f, h) => ({ ...h, type: 'scan', eventKey: f.text('EventKey'), ticket: f.text('Ticket') }),
  location: (f, h) => ({
    ...h,
    type: 'location_report',
    latitude: f.number('Latitude'),
    longitude: f.number('Longitude'),
    precision: f.number('Precision'),
  }),
  click: (f, h) => ({ ...h, type: 'click', eventKey: f.text('EventKey') }),
  view: (f, h) => ({ ...h, type: 'view', eventKey: f.text('EventKey') }),
  kf_create_session: (f, h) => ({ ...h, type: 'kf_create_session', kfAccount: f.text('KfAccount') }),
  kf_close_session: (f, h) => ({ ...h, type: 'kf_close_session', kfAccount: f.text('KfAccount') }),
  kf_switch_session: (f, h) => ({
    ...h,
    type: 'kf_switch_session',
    fromKfAccount: f.text('FromKfAccount'),
    toKfAccount: f.text('ToKfAccount'),
  }),
};

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** Adds an optional property only when present, so absent fields stay absent (exactOptionalPropertyTypes-friendly). */
function withOptional<T extends object, K extends string>(base: T, key: K, value: string | undefined): T & Partial<Record<K, string>> {
  return value === undefined ? base : { ...base, [key]: value };
}

function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function toInboundMessage(record: RawRecord): InboundMessage {
  const f = new Fields(record);
  const msgType = f.optional('MsgType') ?? '';
  const event = f.optional('Event') ?? '';
  const build = msgType === 'event' ? own(EVENTS, event.toLowerCase()) : own(MESSAGES, msgType);
  if (build === undefined) return { type: 'unknown', msgType, event, raw: record };
  try {
    const header: PushHeader = {
      toUserName: f.text('ToUserName'),
      fromUserName: f.text('FromUserName'),
      createTime: f.seconds('CreateTime'),
    };
    return build(f, header);
  } catch (e) {
    if (e instanceof MissingField) return { type: 'unknown', msgType, event, raw: record };
    throw e;
  }
}
