// Whether an entry will reach customers as WeChat takes it, checked when it is saved (API, console, CLI,
// CSV/JSON import) and shown for entries stored before the rules: its fields on the channel's kind
// (entryProblems) and its stored media against WeChat's rule for their use (core/media/media-rules.ts),
// so a WebP picture or a PNG video thumbnail is refused at save instead of failing for every customer.
import type { ChannelKind } from '../core/channel';
import { EngineError } from '../core/errors';
import { mediaRefusal, type MediaRefused } from '../core/media/media-rules';
import { entryProblems, mediaUsesOf, type EntryFields } from './entry';
import type { StoredMedia } from './knowledge-store';

export type LoadMedia = (id: string) => Promise<StoredMedia | undefined>;

/** What is wrong with the entry's stored media: a missing one as text, a refused one as MediaRefused. */
export async function entryMediaProblems(
  e: EntryFields,
  kind: ChannelKind | undefined,
  load: LoadMedia,
): Promise<Array<string | MediaRefused>> {
  const problems: Array<string | MediaRefused> = [];
  if (!e.enabled) return problems; // never sent (see entryProblems)
  for (const [field, use] of mediaUsesOf(e)) {
    const source = e[field];
    if (!source?.startsWith('media:')) continue; // an http(s) URL is fetched (and checked) by the import, or at send
    const media = await load(source.slice('media:'.length));
    const refused = media ? mediaRefusal(media.data, use, kind, `${field} (${source})`) : undefined;
    if (!media) problems.push(`${field}: ${source} does not exist (upload it again)`);
    else if (refused) problems.push(refused);
  }
  return problems;
}

/** Every reason each stored entry would fail to send, as text, by number (the knowledge list shows them). */
export async function sendProblemsByNumber(
  entries: readonly EntryFields[],
  kind: ChannelKind | undefined,
  load: LoadMedia,
): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  for (const e of entries) {
    const media = await entryMediaProblems(e, kind, load);
    const problems = [...entryProblems(e, kind), ...media.map((p) => (typeof p === 'string' ? p : p.message))];
    if (problems.length > 0) found.set(e.number, problems);
  }
  return found;
}

/** An imported file's entries whose stored media break the rules, one line each ("entry 2: thumb …"). */
export async function importedMediaProblems(entries: EntryFields[], kind: ChannelKind | undefined, load: LoadMedia): Promise<string[]> {
  const lines: string[] = [];
  for (const [i, e] of entries.entries()) {
    for (const p of await entryMediaProblems(e, kind, load)) lines.push(`entry ${i + 1}: ${typeof p === 'string' ? p : p.message}`);
  }
  return lines;
}

/**
 * What a save refuses, in order: the fields (invalid_input), a media that does not exist (invalid_input),
 * a stored file WeChat would refuse (MediaRefused, whose code the API answers).
 */
export async function mustBeSendable(e: EntryFields, kind: ChannelKind | undefined, load: LoadMedia): Promise<void> {
  const invalid = (problems: string[]) => new EngineError('invalid_input', problems.join('; '));
  const problems = entryProblems(e, kind);
  if (problems.length > 0) throw invalid(problems);
  const media = await entryMediaProblems(e, kind, load);
  const missing = media.filter((p) => typeof p === 'string');
  if (missing.length > 0) throw invalid(missing);
  if (media[0]) throw media[0];
}
