// Where the browser shows a knowledge entry's picture from: an http(s) address as is, and the
// knowledge base's own `media:<id>` through GET /api/v1/media/<id> (the session cookie authenticates).
const HTTP = /^https?:\/\/\S+$/;
const STORED = /^media:([A-Za-z0-9_-]{1,64})$/;

/** The knowledge base's own stored file ("media:<id>"): shown as "uploaded", never as its reference. */
export const isStoredMedia = (source: string): boolean => STORED.test(source);

export function pictureSrc(source: string | undefined): string | undefined {
  if (!source) return undefined;
  if (HTTP.test(source)) return source;
  const stored = STORED.exec(source);
  return stored ? `/api/v1/media/${stored[1]}` : undefined;
}

/** The picture an entry shows in the list: its image, a card's or a link's picture, a video's thumbnail. */
export function entryPicture(e: { type: string; media?: string | undefined; thumb?: string | undefined }): string | undefined {
  switch (e.type) {
    case 'image':
    case 'miniprogram':
    case 'link':
      return pictureSrc(e.media);
    case 'video':
      return pictureSrc(e.thumb);
    default:
      return undefined;
  }
}
