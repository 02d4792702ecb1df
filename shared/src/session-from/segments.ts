// Splitting a received session-from into its segments. Positional slots come first (nickname,
// avatar, params), keyed ones (`key=value`) after. A JSON slot is read to its closing bracket when
// that bracket is followed by `|` or the end, so a raw `|` inside Sobot-template JSON is harmless.
import { JSON_KEYED_FIELDS } from './format';
import { jsonValueEnd } from './json-scan';

export const POSITIONAL = ['nickname', 'avatarUrl', 'params'] as const;

export interface Segment {
  /** POSITIONAL name for the first three, the key for keyed ones, '' for a keyed slot without `=`. */
  name: string;
  keyed: boolean;
  value: string;
  /** Followed by `|`; the last segment of a cut string is not. */
  closed: boolean;
  /** A JSON value was read to its closing bracket. */
  completeJson: boolean;
}

function readJson(body: string, at: number): number {
  if (body[at] !== '{' && body[at] !== '[') return -1;
  const end = jsonValueEnd(body, at);
  return end !== -1 && (end === body.length || body[end] === '|') ? end : -1;
}

/** `body` starts with `sobot|` (or is `sobot`). */
export function splitSegments(body: string): Segment[] {
  const segments: Segment[] = [];
  let pos = 'sobot|'.length;
  while (pos <= body.length && body.length > 'sobot'.length) {
    const index = segments.length;
    const keyed = index >= POSITIONAL.length;
    let name: string = POSITIONAL[index] ?? '';
    let valueStart = pos;
    if (keyed) {
      const eq = body.indexOf('=', pos);
      const bar = body.indexOf('|', pos);
      if (eq !== -1 && (bar === -1 || eq < bar)) {
        name = body.slice(pos, eq);
        valueStart = eq + 1;
      }
    }
    const jsonish = name === 'params' || JSON_KEYED_FIELDS.has(name);
    const jsonEnd = jsonish ? readJson(body, valueStart) : -1;
    let end = jsonEnd;
    if (end === -1) {
      end = body.indexOf('|', valueStart);
      if (end === -1) end = body.length;
    }
    const closed = end < body.length;
    segments.push({ name, keyed, value: body.slice(valueStart, end), closed, completeJson: jsonEnd !== -1 });
    if (!closed) break;
    pos = end + 1;
    if (pos === body.length) break;
  }
  return segments;
}
