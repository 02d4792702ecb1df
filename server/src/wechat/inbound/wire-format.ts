// Writing WeChat's XML and JSON records (passive replies, encrypted envelopes, and pushes in the push client).
// Layout as in the official examples: <xml> root, strings in CDATA, numbers bare, list items as <item>.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html

/** A number written as its exact digits (bare in XML and JSON), e.g. a MsgId above 2^53. */
export class WireNumber {
  readonly text: string;
  constructor(value: number | string) {
    const text = String(value);
    if (!/^-?\d+(?:\.\d+)?$/.test(text)) throw new RangeError(`not a plain decimal number: ${text}`);
    this.text = text;
  }
}

export type WireValue = string | WireNumber | WireRecord | WireRecord[];
export interface WireRecord {
  [key: string]: WireValue | undefined;
}

/** `]]>` cannot appear inside CDATA; split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function xmlValue(value: WireValue): string {
  if (typeof value === 'string') return cdata(value);
  if (value instanceof WireNumber) return value.text;
  if (Array.isArray(value)) return value.map((item) => `<item>${xmlFields(item)}</item>`).join('');
  return xmlFields(value);
}

function xmlFields(record: WireRecord): string {
  let out = '';
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) out += `<${key}>${xmlValue(value)}</${key}>`;
  }
  return out;
}

export function toXml(record: WireRecord): string {
  return `<xml>${xmlFields(record)}</xml>`;
}

function jsonValue(value: WireValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof WireNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return toJson(value);
}

/** Compact JSON in insertion order; WireNumbers are written digit for digit (JSON.stringify would round). */
export function toJson(record: WireRecord): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${jsonValue(value)}`);
  }
  return `{${parts.join(',')}}`;
}

export function toFormat(record: WireRecord, format: 'xml' | 'json'): string {
  return format === 'xml' ? toXml(record) : toJson(record);
}
