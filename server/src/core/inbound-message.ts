// What a customer (or WeChat on their behalf) sends us, as one typed union, and what we may answer
// in the same HTTP exchange. Field lists follow ../../../../shared/docs/wechat-protocol.md §3 and §6.
import type { DecodedSessionFrom } from '../../../shared/src/index';

/** A value as it appeared in the push, before interpretation: text, a list, or a nested record. */
export type RawValue = string | RawValue[] | RawRecord;
export interface RawRecord {
  [key: string]: RawValue;
}

/**
 * Fields every recognised push carries. Every number WeChat sends is kept as the text it sent (checked
 * to be a number): `23.130000` stays `23.130000`, a MsgId keeps digits beyond 2^53, and what is stored
 * and shown through the API is what WeChat wrote.
 */
export interface PushHeader {
  toUserName: string;
  /** The sender's OpenID. */
  fromUserName: string;
  /** WeChat's CreateTime: whole seconds since the epoch, the digits as sent. */
  createTime: string;
}

/** User messages carry a MsgId; it exceeds 2^53, so it is kept as the digits WeChat sent. */
interface UserMessage extends PushHeader {
  msgId: string;
}

export interface TextMessage extends UserMessage {
  type: 'text';
  content: string;
  /** Set when the user tapped an option of a `msgmenu` we sent. */
  bizMsgMenuId?: string;
}
export interface ImageMessage extends UserMessage {
  type: 'image';
  picUrl: string;
  mediaId: string;
}
export interface MiniProgramPageMessage extends UserMessage {
  type: 'miniprogrampage';
  title: string;
  appId: string;
  pagePath: string;
  thumbUrl: string;
  thumbMediaId: string;
}
export interface VoiceMessage extends UserMessage {
  type: 'voice';
  mediaId: string;
  format: string;
  /** Only when speech recognition is enabled for the account. */
  recognition?: string;
}
export interface VideoMessage extends UserMessage {
  type: 'video' | 'shortvideo';
  mediaId: string;
  thumbMediaId: string;
}
export interface LocationMessage extends UserMessage {
  type: 'location';
  /** Location_X / Location_Y: latitude / longitude, decimal text as sent. */
  latitude: string;
  longitude: string;
  scale: string;
  label: string;
}
export interface LinkMessage extends UserMessage {
  type: 'link';
  title: string;
  description: string;
  url: string;
}
export interface FileMessage extends UserMessage {
  type: 'file';
  title: string;
  description: string;
  fileKey: string;
  fileMd5: string;
  /** Bytes, the digits as sent. */
  fileTotalLen: string;
}

/** The user opened the customer-service chat (mini program). SessionFrom is a hint, never authenticated. */
export interface UserEnterTempSessionEvent extends PushHeader {
  type: 'user_enter_tempsession';
  sessionFrom: string;
  /** The decoded session-from; `kind: 'none'` for empty or foreign values such as `wxapp`. */
  context: DecodedSessionFrom;
}
export interface SubscribeEvent extends PushHeader {
  type: 'subscribe';
  /** `qrscene_<scene>` when subscribing through a parametric QR code. */
  eventKey?: string;
  ticket?: string;
}
export interface UnsubscribeEvent extends PushHeader {
  type: 'unsubscribe';
}
export interface ScanEvent extends PushHeader {
  type: 'scan';
  eventKey: string;
  ticket: string;
}
/** Event LOCATION (periodic location report), distinct from a location message. */
export interface LocationReportEvent extends PushHeader {
  type: 'location_report';
  /** Decimal text as sent. */
  latitude: string;
  longitude: string;
  precision: string;
}
export interface MenuClickEvent extends PushHeader {
  type: 'click';
  eventKey: string;
}
export interface MenuViewEvent extends PushHeader {
  type: 'view';
  /** The URL that was opened. */
  eventKey: string;
}
export interface KfSessionEvent extends PushHeader {
  type: 'kf_create_session' | 'kf_close_session';
  kfAccount: string;
}
export interface KfSwitchSessionEvent extends PushHeader {
  type: 'kf_switch_session';
  fromKfAccount: string;
  toKfAccount: string;
}

/** Anything we do not recognise (or a known type missing a required field); acknowledged, never an error. */
export interface UnknownPush {
  type: 'unknown';
  /** MsgType and Event as sent, '' when absent. */
  msgType: string;
  event: string;
  raw: RawRecord;
}

export type InboundMessage =
  | TextMessage
  | ImageMessage
  | MiniProgramPageMessage
  | VoiceMessage
  | VideoMessage
  | LocationMessage
  | LinkMessage
  | FileMessage
  | UserEnterTempSessionEvent
  | SubscribeEvent
  | UnsubscribeEvent
  | ScanEvent
  | LocationReportEvent
  | MenuClickEvent
  | MenuViewEvent
  | KfSessionEvent
  | KfSwitchSessionEvent
  | UnknownPush;

export type InboundType = InboundMessage['type'];

// ---- What may be answered in the HTTP response (被动回复). Official accounts accept all of these;
// mini programs accept only transfer_customer_service.

export interface NewsArticle {
  title: string;
  description: string;
  picUrl: string;
  url: string;
}

export type PassiveReply =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'voice'; mediaId: string }
  | { type: 'video'; mediaId: string; title?: string; description?: string }
  | { type: 'music'; thumbMediaId: string; title?: string; description?: string; musicUrl?: string; hqMusicUrl?: string }
  | { type: 'news'; articles: NewsArticle[] }
  | { type: 'transfer_customer_service'; kfAccount?: string };

/** What handling a push decided: nothing to say in the response (answer `success`), or a passive reply. */
export type PushOutcome = { reply?: PassiveReply } | undefined;
