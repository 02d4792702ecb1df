// An entry as the message(s) the customer receives. Placeholders are replaced here, at send time, so an
// entry stays one record for every customer: [name] → nickname, [id] → the customer's number, {br} → a
// line break (the 微擎 module's syntax, kept for its users). Media are not uploaded here: the robot runs
// inside a unit of work, so it emits a reference (mediaRef) that the outbox sender resolves to a WeChat
// media_id just before sending (media-resolver.ts). A link, card or image entry's leadText is a text
// reply sent just before it (the robot's replies, an agent's reply and a WeChat agent's @n:k# alike).
import type { MessageContent } from '../core/model/message';
import { fillPlaceholders, type Recipient } from '../core/placeholders';
import { LEAD_TYPES, type KnowledgeEntry } from './entry';

/** Marks a media_id field that still names our media source instead of a WeChat media_id. */
export const MEDIA_REF_PREFIX = 'kbref:';
export const mediaRef = (source: string) => `${MEDIA_REF_PREFIX}${source}`;
export const isMediaRef = (value: string | undefined): value is string => value !== undefined && value.startsWith(MEDIA_REF_PREFIX);
export const sourceOf = (ref: string) => ref.slice(MEDIA_REF_PREFIX.length);

export { fillPlaceholders, type Recipient };

/** Every message the entry sends, in order: its lead text (when it has one), then the entry itself. */
export function renderEntryReplies(e: KnowledgeEntry, who: Recipient): MessageContent[] {
  const lead = e.leadText !== undefined && LEAD_TYPES.includes(e.type) ? fillPlaceholders(e.leadText, who) : '';
  const main = renderEntry(e, who);
  return lead.trim() === '' ? [main] : [{ type: 'text', text: lead }, main];
}

/** The entry itself, without its lead text. */
export function renderEntry(e: KnowledgeEntry, who: Recipient): MessageContent {
  const fill = (s: string | undefined) => fillPlaceholders(s ?? '', who);
  switch (e.type) {
    case 'text':
      return { type: 'text', text: fill(e.text) };
    case 'link':
      return {
        type: 'link',
        title: fill(e.title),
        description: fill(e.description),
        url: e.url ?? '',
        ...(e.media !== undefined && { thumbUrl: e.media }),
      };
    case 'image':
      return { type: 'image', mediaId: mediaRef(e.media ?? '') };
    case 'miniprogram':
      return {
        type: 'miniprogrampage',
        title: fill(e.title),
        pagePath: e.pagePath ?? '',
        ...(e.appId !== undefined && { appId: e.appId }),
        thumbMediaId: mediaRef(e.media ?? ''),
      };
    case 'voice':
      return { type: 'voice', mediaId: mediaRef(e.media ?? '') };
    case 'video':
      return {
        type: 'video',
        mediaId: mediaRef(e.media ?? ''),
        thumbMediaId: mediaRef(e.thumb ?? ''),
        ...(e.title !== undefined && { title: fill(e.title) }),
        ...(e.description !== undefined && { description: fill(e.description) }),
      };
  }
}
