// InboundMessage → the record WeChat would push (the inverse of inbound/to-domain.ts).
// https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
import type { InboundMessage, PushHeader, RawRecord, RawValue } from '../../core/inbound-message';
import { WireNumber, type WireRecord, type WireValue } from '../inbound/wire-format';

/** Numbers go out bare, like WeChat's; anything not plain decimal stays a string. */
function num(value: number | string): WireValue {
  const text = String(value);
  return /^-?\d+(?:\.\d+)?$/.test(text) ? new WireNumber(text) : text;
}

function head(m: PushHeader, msgType: string, event?: string): WireRecord {
  return { ToUserName: m.toUserName, FromUserName: m.fromUserName, CreateTime: num(m.createTime), MsgType: msgType, Event: event };
}

function messageFields(m: InboundMessage): WireRecord | undefined {
  switch (m.type) {
    case 'text':
      return { Content: m.content, MsgId: num(m.msgId), bizmsgmenuid: m.bizMsgMenuId };
    case 'image':
      return { PicUrl: m.picUrl, MediaId: m.mediaId, MsgId: num(m.msgId) };
    case 'miniprogrampage':
      return {
        MsgId: num(m.msgId),
        Title: m.title,
        AppId: m.appId,
        PagePath: m.pagePath,
        ThumbUrl: m.thumbUrl,
        ThumbMediaId: m.thumbMediaId,
      };
    case 'voice':
      return { MediaId: m.mediaId, Format: m.format, Recognition: m.recognition, MsgId: num(m.msgId) };
    case 'video':
    case 'shortvideo':
      return { MediaId: m.mediaId, ThumbMediaId: m.thumbMediaId, MsgId: num(m.msgId) };
    case 'location':
      return { Location_X: num(m.latitude), Location_Y: num(m.longitude), Scale: num(m.scale), Label: m.label, MsgId: num(m.msgId) };
    case 'link':
      return { Title: m.title, Description: m.description, Url: m.url, MsgId: num(m.msgId) };
    case 'file':
      return {
        Title: m.title,
        Description: m.description,
        FileKey: m.fileKey,
        FileMd5: m.fileMd5,
        FileTotalLen: num(m.fileTotalLen),
        MsgId: num(m.msgId),
      };
    default:
      return undefined;
  }
}

function eventFields(m: InboundMessage): [string, WireRecord] | undefined {
  switch (m.type) {
    case 'user_enter_tempsession':
      return ['user_enter_tempsession', { SessionFrom: m.sessionFrom }];
    case 'subscribe':
      return ['subscribe', { EventKey: m.eventKey, Ticket: m.ticket }];
    case 'unsubscribe':
      return ['unsubscribe', {}];
    case 'scan':
      return ['SCAN', { EventKey: m.eventKey, Ticket: m.ticket }];
    case 'location_report':
      return ['LOCATION', { Latitude: num(m.latitude), Longitude: num(m.longitude), Precision: num(m.precision) }];
    case 'click':
      return ['CLICK', { EventKey: m.eventKey }];
    case 'view':
      return ['VIEW', { EventKey: m.eventKey }];
    case 'kf_create_session':
    case 'kf_close_session':
      return [m.type, { KfAccount: m.kfAccount }];
    case 'kf_switch_session':
      return [m.type, { FromKfAccount: m.fromKfAccount, ToKfAccount: m.toKfAccount }];
    default:
      return undefined;
  }
}

/** An unknown push goes out as its raw record; lists of plain strings cannot be written and are left out. */
function rawToWire(raw: RawRecord): WireRecord {
  const out: WireRecord = {};
  for (const [key, value] of Object.entries(raw)) {
    const wire = rawValueToWire(value);
    if (wire !== undefined) out[key] = wire;
  }
  return out;
}

function rawValueToWire(value: RawValue): WireValue | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is RawRecord => typeof v === 'object' && !Array.isArray(v)).map(rawToWire);
  return rawToWire(value);
}

export function toWireRecord(m: InboundMessage): WireRecord {
  if (m.type === 'unknown') return rawToWire(m.raw);
  const fields = messageFields(m);
  if (fields !== undefined) return { ...head(m, m.type), ...fields };
  const [event, extra] = eventFields(m) ?? ['', {}];
  return { ...head(m, 'event', event), ...extra };
}
