// Pictures given by URL in an imported file: an image entry's picture or a card's thumbnail written as an
// http(s) URL is fetched here, checked (an image content type, then WeChat's image rule on its bytes:
// JPEG/PNG/GIF of at most 2 MB, core/media/media-rules.ts) and
// stored as knowledge media, so the entry holds `media:<id>` and later sends upload it to WeChat like any
// uploaded picture (the URL may be gone by then). All pictures are fetched before any is stored: one
// failure refuses the file, as a bad row does, and leaves nothing behind. A link's picture stays a URL
// (WeChat fetches it itself).
import type { EntryFields } from './entry';
import { ImportError } from './entry-codec';
import type { StoredMedia } from './knowledge-store';
import { checkedContentType, MEDIA_RULES } from '../core/media/media-rules';

export const MAX_IMPORTED_PICTURE_BYTES = MEDIA_RULES.image.maxBytes;
const PARALLEL = 4;

export interface ImportPicturesOptions {
  /** Stores a fetched picture; answers its `media:<id>` source. */
  save(file: Omit<StoredMedia, 'id' | 'createdAt'>): Promise<string>;
  owner: StoredMedia['owner'];
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Picture = Pick<StoredMedia, 'filename' | 'contentType' | 'data'>;

const isUrl = (s: string | undefined): s is string => s !== undefined && /^https?:\/\//i.test(s);
const hasPictureUrl = (e: EntryFields) => (e.type === 'image' || e.type === 'miniprogram') && isUrl(e.media);

/** The entries with their picture URLs replaced by stored media; throws an ImportError naming every failure. */
export async function importPictures(entries: EntryFields[], options: ImportPicturesOptions): Promise<EntryFields[]> {
  const urls = [...new Set(entries.filter(hasPictureUrl).map((e) => e.media as string))];
  if (urls.length === 0) return entries;
  const fetched = new Map<string, Picture | string>();
  for (let i = 0; i < urls.length; i += PARALLEL) {
    await Promise.all(
      urls.slice(i, i + PARALLEL).map(async (url) => fetched.set(url, await fetchPicture(url, options).catch((e: Error) => e.message))),
    );
  }
  const problems = entries.flatMap((e, i) => {
    const got = hasPictureUrl(e) ? fetched.get(e.media as string) : undefined;
    return typeof got === 'string' ? [`entry ${i + 1}: media: ${got}`] : [];
  });
  if (problems.length > 0) throw new ImportError(problems);
  const sources = new Map<string, string>();
  for (const [url, picture] of fetched) {
    sources.set(url, await options.save({ ...(picture as Picture), kind: 'knowledge', ...(options.owner && { owner: options.owner }) }));
  }
  return entries.map((e) => (hasPictureUrl(e) ? { ...e, media: sources.get(e.media as string) as string } : e));
}

/** The picture at a URL, or an Error whose message says why not. */
export async function fetchPicture(url: string, options: Pick<ImportPicturesOptions, 'fetch' | 'timeoutMs'> = {}): Promise<Picture> {
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  } catch (err) {
    throw new Error(`fetching ${url} failed: ${reasonOf(err as Error)}`);
  }
  if (!res.ok) throw new Error(`fetching ${url} failed: HTTP ${res.status}`);
  const declared = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!declared.startsWith('image/')) throw new Error(`${url} is not a picture (content type ${declared || 'missing'})`);
  const data = await readCapped(res, url);
  // A MediaRefused's message says what the file is and what WeChat takes (a WebP, say).
  return { data, contentType: checkedContentType(data, 'image', undefined, url), filename: filenameOf(url) };
}

async function readCapped(res: Response, url: string): Promise<Uint8Array> {
  const tooBig = () => new Error(`${url} is larger than ${MAX_IMPORTED_PICTURE_BYTES / 1048576} MiB (WeChat takes at most 2 MiB)`);
  if (Number(res.headers.get('content-length') ?? 0) > MAX_IMPORTED_PICTURE_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!res.body) return new Uint8Array();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_IMPORTED_PICTURE_BYTES) throw tooBig(); // leaving the loop cancels the download
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function filenameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last).slice(0, 200) || 'picture';
  } catch {
    return last.slice(0, 200) || 'picture';
  }
}

/** fetch says only "fetch failed"; the cause names the network error (ECONNREFUSED, ENOTFOUND…). */
function reasonOf(err: Error): string {
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  if (err.name === 'TimeoutError') return 'no answer in time';
  return String(cause?.code || cause?.message || err.message);
}
