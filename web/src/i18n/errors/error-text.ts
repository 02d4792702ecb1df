// A server refusal as a sentence in the reader's language: a refused field by its human name and why
// (server/src/contract/validation.ts sends field, reason and the rule's figures), any other refusal by
// its code; an unknown code by a generic sentence, never the server's English or the code itself.
import { format, type Lang } from '../define';
import { errorMessages, fieldMessages } from './error-messages';
import { FIELD_NAMES } from './field-names';

/** What the server's error answer says: {"error": {"code", "message", "field"?, "reason"?, "params"?}}. */
export interface ErrorFacts {
  status: number;
  code: string;
  field?: string | undefined;
  reason?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

type FieldKey = keyof (typeof fieldMessages)['zh'];
const FIXED: ReadonlySet<string> = new Set(['time_zone', 'unsafe_characters', 'empty_segment', 'repeated', 'range_order']);

/** "hours.0.start" → "工作日时段的第 1 项的开始时间"; undefined when a named part has no human name. */
export function fieldName(lang: Lang, path: string): string | undefined {
  const m = fieldMessages[lang];
  let named: string | undefined;
  for (const part of path.split('.')) {
    const words = /^\d+$/.test(part) ? format(m.item, { n: Number(part) + 1 }) : FIELD_NAMES[part]?.[lang === 'zh' ? 0 : 1];
    if (words === undefined) return undefined;
    named = named === undefined ? words : format(m.join, { parent: named, child: words });
  }
  return named;
}

function fieldKey(reason: string | undefined, params: Record<string, string | number>): FieldKey {
  if (reason !== undefined && FIXED.has(reason)) return reason as FieldKey;
  const origin = params.origin === 'array' || params.origin === 'set' ? 'array' : params.origin === 'string' ? 'string' : 'number';
  if (reason === 'too_small') return origin === 'string' && params.minimum === 1 ? 'required' : `too_small_${origin}`;
  if (reason === 'too_big') return `too_big_${origin}`;
  if (reason === 'invalid_type' || reason === 'invalid_format' || reason === 'invalid_value') return reason;
  return 'other';
}

function fieldSentence(lang: Lang, facts: ErrorFacts): string {
  const params = facts.params ?? {};
  const key = fieldKey(facts.reason, params);
  const name = facts.field ? fieldName(lang, facts.field) : undefined;
  if (name === undefined && key !== 'range_order') return fieldMessages[lang].unnamed;
  const sentence = format(fieldMessages[lang][key], { ...params, field: name ?? '' });
  return lang === 'en' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

function codeSentence(lang: Lang, code: string, status: number): string {
  const table: Record<string, string> = errorMessages[lang];
  const known = table[code];
  if (known !== undefined) return known;
  if (status >= 500) return table.internal_error as string;
  if (status === 404) return table.not_found as string;
  if (status === 403) return table.forbidden as string;
  return table.unknown as string;
}

export function errorSentence(lang: Lang, facts: ErrorFacts): string {
  if (facts.reason !== undefined) return fieldSentence(lang, facts);
  return codeSentence(lang, facts.code, facts.status);
}
