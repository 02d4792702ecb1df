// Reading a received session-from. Total: never throws, whatever WeChat or a client sends.
import { utf8ByteLength } from '../text/utf8';
import { SessionFromError } from './errors';
import { unescapePlain } from './format';
import { SESSION_FROM_BUDGET_BYTES } from './limits';
import { type Segment, splitSegments } from './segments';
import { readTransferAction } from './read-transfer-action';
import type { DecodedSessionFrom, SessionFromFields, SessionFromProblem, TransferAction } from './types';
import { validatePartnerId, validatePlatformAction } from './validate';

/** Longer than anything our encoder writes: WeChat may have cut it (see SESSION_FROM_BUDGET_BYTES). */
const CUT_THRESHOLD = SESSION_FROM_BUDGET_BYTES + 1;

const KEY_TO_FIELD: Record<string, keyof SessionFromFields> = {
  transfer_action: 'transferAction',
  platform_action: 'platformAction',
  partnerid: 'partnerId',
  robotid: 'robotId',
  unionid: 'unionId',
  customer_fields: 'customerFields',
};

/** Lenient string map: Sobot's own example sends numbers (`"age":18`). */
function stringMap(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Lenient, level by level (read-transfer-action.ts): what it ignored or changed is reported, the rest kept. */
function transferAction(raw: string, problems: SessionFromProblem[]): TransferAction[] | undefined {
  const { levels, remarks } = readTransferAction(JSON.parse(raw));
  problems.push(...remarks);
  return levels.length > 0 ? levels : undefined;
}

function readField(
  field: keyof SessionFromFields,
  raw: string,
  problems: SessionFromProblem[],
): SessionFromFields[keyof SessionFromFields] {
  switch (field) {
    case 'params':
    case 'customerFields':
      return stringMap(raw);
    case 'transferAction':
      return transferAction(raw, problems);
    case 'platformAction':
      return validatePlatformAction(JSON.parse(raw));
    case 'partnerId':
      return validatePartnerId(unescapePlain(raw));
    default:
      return unescapePlain(raw);
  }
}

function problemText(e: unknown): string {
  if (e instanceof SessionFromError) return e.message;
  if (e instanceof SyntaxError) return 'not valid JSON';
  return e instanceof Error ? e.message : 'unreadable';
}

function decodeSobot(raw: string): DecodedSessionFrom {
  let body = raw;
  let cutMidChar = false;
  while (body.endsWith('\uFFFD')) {
    body = body.slice(0, -1);
    cutMidChar = true;
  }
  if (body !== 'sobot' && !body.startsWith('sobot|')) return { kind: 'none', reason: 'foreign', raw };
  // At the limit the value may have lost whole fields after its last bar, so it is flagged even when
  // every field it still holds is intact; only an unterminated last field is itself doubtful.
  const truncated = cutMidChar || utf8ByteLength(raw) >= CUT_THRESHOLD;
  const fields: SessionFromFields = {};
  const problems: SessionFromProblem[] = [];
  const lost: string[] = [];
  for (const seg of splitSegments(body)) {
    if (!seg.closed && truncated && !seg.completeJson) {
      if (seg.value !== '' || seg.keyed) lost.push(seg.name || 'unnamed segment');
      continue;
    }
    if (seg.keyed) readKeyed(seg, fields, problems);
    else setField(seg.name as keyof SessionFromFields, seg.value, fields, problems);
  }
  return { kind: 'sobot', fields, truncated, lost, problems, raw };
}

function setField(field: keyof SessionFromFields, value: string, fields: SessionFromFields, problems: SessionFromProblem[]): void {
  if (value === '') return;
  if (fields[field] !== undefined) {
    problems.push({ field, reason: 'given twice; the first is kept' });
    return;
  }
  try {
    const parsed = readField(field, value, problems);
    if (parsed !== undefined && parsed !== '') (fields as Record<string, unknown>)[field] = parsed;
  } catch (e) {
    problems.push({ field, reason: problemText(e) });
  }
}

function readKeyed(seg: Segment, fields: SessionFromFields, problems: SessionFromProblem[]): void {
  if (seg.name === '') {
    // An empty slot between two bars is harmless; anything else without `key=` is reported.
    if (seg.value !== '') problems.push({ field: 'segment', reason: `"${seg.value.slice(0, 40)}" has no key=` });
    return;
  }
  const field = KEY_TO_FIELD[seg.name];
  if (field) setField(field, seg.value, fields, problems);
  else (fields.extra ??= {})[seg.name] ??= unescapePlain(seg.value);
}

/**
 * Reads a session-from: the fields of any string our encoder or Sobot's template built, "no context"
 * for foreign values (`wxapp`, empty), and what is intact of a value WeChat cut at 1000 bytes.
 */
export function decodeSessionFrom(text: unknown): DecodedSessionFrom {
  const raw = typeof text === 'string' ? text : '';
  if (raw.trim() === '') return { kind: 'none', reason: 'empty', raw };
  try {
    return decodeSobot(raw);
  } catch {
    // Unreachable by design (every step above is guarded); kept so the decoder stays total.
    return { kind: 'none', reason: 'foreign', raw };
  }
}
