// Writing the string, and the escapes that keep any value from breaking the `|`-separated format.
import type { SessionFromFields } from './types';

/** Keyed fields in the order of Sobot's template. */
export const KEYED_FIELDS = ['transfer_action', 'platform_action', 'partnerid', 'robotid', 'unionid', 'customer_fields'] as const;
export const JSON_KEYED_FIELDS: ReadonlySet<string> = new Set(['transfer_action', 'platform_action', 'customer_fields']);

/** Plain slots: `%` and `|` are percent-escaped, which keeps URLs meaning the same thing. */
export function escapePlain(text: string): string {
  if (text.indexOf('%') === -1 && text.indexOf('|') === -1) return text;
  return text.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

/** Reverses escapePlain only; any other `%xx` is left alone, as a Sobot-template value may carry it. */
export function unescapePlain(text: string): string {
  return text.replace(/%(25|7C|7c)/g, (_, hex: string) => (hex === '25' ? '%' : '|'));
}

/**
 * JSON slots use JSON's own escapes (`\u007c`, `\u0025`): the slot stays valid JSON for any
 * Sobot-style reader, and `|`/`%` can only occur inside JSON strings, where the escape is legal.
 */
export function jsonSlot(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.indexOf('%') === -1 && json.indexOf('|') === -1) return json;
  return json.replace(/\|/g, '\\u007c').replace(/%/g, '\\u0025');
}

/** The string for a set of fields. It always ends with `|`, so a copy cut by WeChat is recognisable. */
export function formatSessionFrom(fields: SessionFromFields): string {
  const parts = [
    'sobot',
    escapePlain(fields.nickname ?? ''),
    escapePlain(fields.avatarUrl ?? ''),
    fields.params ? jsonSlot(fields.params) : '',
  ];
  if (fields.transferAction) parts.push(`transfer_action=${jsonSlot(fields.transferAction)}`);
  if (fields.platformAction) parts.push(`platform_action=${jsonSlot(fields.platformAction)}`);
  if (fields.partnerId !== undefined) parts.push(`partnerid=${escapePlain(fields.partnerId)}`);
  if (fields.robotId !== undefined) parts.push(`robotid=${escapePlain(fields.robotId)}`);
  if (fields.unionId !== undefined) parts.push(`unionid=${escapePlain(fields.unionId)}`);
  if (fields.customerFields) parts.push(`customer_fields=${jsonSlot(fields.customerFields)}`);
  for (const [key, value] of Object.entries(fields.extra ?? {})) parts.push(`${key}=${escapePlain(value)}`);
  return `${parts.join('|')}|`;
}
