// Reading a push body (XML or JSON) into a RawRecord of strings, exactly as sent.
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html (数据格式 XML / JSON)
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
// Every scalar stays text: `<Content>0012</Content>` is "0012", a JSON MsgId above 2^53 keeps all its digits.
import { XMLParser } from 'fast-xml-parser';
import type { RawRecord, RawValue } from '../../core/inbound-message';
import { MalformedBodyError } from './errors';

/**
 * How deep a push may nest. WeChat's messages are flat (a root and its fields, a few levels at most in
 * JSON events); anything deeper is refused before a recursive reader could overflow the stack.
 */
export const MAX_DEPTH = 32;

const tooDeep = () => new MalformedBodyError(`nested deeper than ${MAX_DEPTH} levels`);

/** A record without a prototype, so keys such as `__proto__` are plain data. */
function newRecord(): RawRecord {
  return Object.create(null) as RawRecord;
}

function addField(record: RawRecord, key: string, value: RawValue): void {
  const previous = record[key];
  if (previous === undefined) record[key] = value;
  else if (Array.isArray(previous)) previous.push(value);
  else record[key] = [previous, value];
}

// ---- XML

const xmlParser = new XMLParser({
  preserveOrder: true, // keeps text and CDATA pieces in document order
  cdataPropName: '#cdata', // CDATA is verbatim; only plain text has entity references to decode
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type XmlNode = Record<string, unknown>;
const XML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; no DTD entity is ever expanded. */
function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return XML_NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function textOf(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    if ('#text' in node) text += decodeXmlText(String(node['#text']));
    else if ('#cdata' in node) text += (node['#cdata'] as XmlNode[]).map((n) => String(n['#text'] ?? '')).join('');
  }
  return text;
}

function xmlToRaw(nodes: XmlNode[]): RawValue {
  const elements = nodes.filter((n) => {
    const tag = tagOf(n);
    return tag !== undefined && !tag.startsWith('#');
  });
  if (elements.length === 0) return textOf(nodes);
  const record = newRecord();
  for (const element of elements) {
    const tag = tagOf(element) as string;
    addField(record, tag, xmlToRaw(element[tag] as XmlNode[]));
  }
  return record;
}

// WeChat's messages are flat: <xml> and fields holding one CDATA section or plain text. That exact
// shape is read directly, about ten times faster than the general parser; a field with anything else
// (an entity, split or mixed CDATA, a nested element, a comment, a declaration) makes the whole
// document go to fast-xml-parser. CDATA content may not contain `]]>`, so a match cannot span sections.
const FLAT_OPEN = /\s*<xml>/y;
const FLAT_FIELD = /\s*<([A-Za-z_][\w.-]*)>(?:<!\[CDATA\[((?:[^\]]|\](?!\]>))*)\]\]>|([^<&]*))<\/\1>/y;
const FLAT_CLOSE = /\s*<\/xml>\s*$/y;

/** The record of a flat WeChat document, or undefined when the document has any other shape. */
export function readFlatXml(body: string): RawRecord | undefined {
  FLAT_OPEN.lastIndex = 0;
  if (!FLAT_OPEN.test(body)) return undefined;
  const record = newRecord();
  let at = FLAT_OPEN.lastIndex;
  for (;;) {
    FLAT_FIELD.lastIndex = at;
    const field = FLAT_FIELD.exec(body);
    if (field === null) break;
    // fast-xml-parser refuses this name; declining keeps the two paths answering alike.
    if (field[1] === '__proto__') return undefined;
    addField(record, field[1] as string, field[2] ?? field[3] ?? '');
    at = FLAT_FIELD.lastIndex;
  }
  FLAT_CLOSE.lastIndex = at;
  return FLAT_CLOSE.test(body) ? record : undefined;
}

// Markup in document order: CDATA sections and comments (skipped whole), closing tags, other tags.
const XML_MARKUP = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/[^>]*>|<[^>]*>/g;

/** Refuses elements nested deeper than MAX_DEPTH, in one pass over the text and before any parser. */
function mustNotNestTooDeep(body: string): void {
  let depth = 0;
  for (const [tag] of body.matchAll(XML_MARKUP)) {
    if (tag.startsWith('</')) depth--;
    else if (tag.startsWith('<!') || tag.startsWith('<?') || tag.endsWith('/>')) continue;
    else if (++depth > MAX_DEPTH) throw tooDeep();
  }
}

export function readXml(body: string): RawRecord {
  const flat = readFlatXml(body);
  if (flat !== undefined) return flat;
  // DTDs are refused outright: no entity of any kind can then be declared (XXE, billion laughs).
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new MalformedBodyError('DTD not allowed');
  mustNotNestTooDeep(body);
  let doc: XmlNode[];
  try {
    doc = xmlParser.parse(body, true) as XmlNode[];
  } catch {
    throw new MalformedBodyError('not well-formed XML');
  }
  const roots = doc.filter((n) => tagOf(n) === 'xml');
  const root = roots[0];
  if (roots.length !== 1 || root === undefined) throw new MalformedBodyError('no single <xml> root');
  const value = xmlToRaw(root.xml as XmlNode[]);
  if (typeof value === 'string') return newRecord();
  return value as RawRecord;
}

// ---- JSON

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Index just past the string starting at `start` (a quote), or the end of the text if unterminated. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text.length;
}

/**
 * Wraps every number token outside strings in quotes, so JSON.parse hands back its exact digits
 * (Node 20 has no reviver `context.source`). Strings are skipped with JSON's own lexing, so an
 * invalid document stays invalid. The same pass refuses objects and arrays nested deeper than MAX_DEPTH.
 */
export function quoteJsonNumbers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = endOfString(text, i);
    } else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) throw tooDeep();
      i++;
    } else if (c === 125 || c === 93) {
      depth--;
      i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      JSON_NUMBER.lastIndex = i;
      const token = JSON_NUMBER.exec(text)?.[0];
      if (token === undefined) throw new MalformedBodyError('bad JSON number');
      out += `${text.slice(copied, i)}"${token}"`;
      i += token.length;
      copied = i;
    } else {
      i++;
    }
  }
  return out + text.slice(copied);
}

function jsonToRaw(value: unknown): RawValue | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return value.map(jsonToRaw).filter((v): v is RawValue => v !== undefined);
  const record = newRecord();
  for (const [key, item] of Object.entries(value)) {
    const raw = jsonToRaw(item);
    if (raw !== undefined) record[key] = raw;
  }
  return record;
}

export function readJson(body: string): RawRecord {
  const quoted = quoteJsonNumbers(body); // refuses deep nesting with its own message
  let parsed: unknown;
  try {
    parsed = JSON.parse(quoted);
  } catch {
    throw new MalformedBodyError('not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedBodyError('JSON body is not an object');
  }
  return jsonToRaw(parsed) as RawRecord;
}

export function readEnvelope(body: string, format: 'xml' | 'json'): RawRecord {
  return format === 'xml' ? readXml(body) : readJson(body);
}

/** A top-level text field, or undefined when absent or not text. */
export function textField(record: RawRecord, key: string): string | undefined {
  const value = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

// The exact secure-mode envelopes WeChat sends. When a body matches, the captured value is what a full
// parse would return (base64 has no characters XML or JSON would transform); anything else is parsed fully.
const SECURE_XML =
  /^\s*<xml>\s*<ToUserName><!\[CDATA\[[^\]<>&]*\]\]><\/ToUserName>\s*<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>\s*<\/xml>\s*$/;
const SECURE_JSON = /^\s*\{\s*"ToUserName"\s*:\s*"[^"\\]*"\s*,\s*"Encrypt"\s*:\s*"([A-Za-z0-9+/=]+)"\s*\}\s*$/;

/** The `Encrypt` field of an encrypted push (secure or compatible envelope). */
export function encryptFieldOf(body: string, format: 'xml' | 'json'): string | undefined {
  const fast = (format === 'xml' ? SECURE_XML : SECURE_JSON).exec(body)?.[1];
  return fast ?? textField(readEnvelope(body, format), 'Encrypt');
}
