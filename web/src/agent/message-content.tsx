// What a message says, rendered by type: text with its newlines kept and http(s) links made clickable
// (as React elements, never HTML), images that open large, mini program cards, links, voice and video
// that play, files and locations (media-content.tsx), and a labelled placeholder for anything else.
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageContent as Content } from '../api/types';
import { FileContent, LocationContent, messageMediaSrc, VideoContent, VoiceContent } from './media-content';
import { agentMessages } from './messages';

const LINK = /https?:\/\/[^\s<>"'，。！？、；：）》」]+/g;

/** Text with its http(s) links as anchors; everything else stays text (React escapes it). */
export function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    const href = match[0].replace(/[.,;:!?)]+$/, '');
    parts.push(
      <a key={start} href={href} target="_blank" rel="noopener noreferrer nofollow">
        {href}
      </a>,
    );
    last = start + href.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <span className="inbox-text">{parts}</span>;
}

/**
 * Where a picture displays from: the URL the server gives (our media route, or WeChat's picUrl), else our
 * own stored media named in the media id ("media:<id>", "kbref:media:<id>"). Only http(s) and our own
 * media route are used, never another scheme.
 */
export function mediaSrc(mediaId: string | undefined, ...urls: (string | undefined)[]): string | undefined {
  for (const url of urls) if (url && (/^https?:\/\//.test(url) || url.startsWith('/api/v1/media/'))) return url;
  const own = mediaId?.match(/(?:^|:)media:([A-Za-z0-9_-]+)$/);
  return own ? `/api/v1/media/${own[1]}` : undefined;
}

function Lightbox({ src, onClose }: { src: string; onClose(): void }) {
  const t = useT(agentMessages);
  return (
    <div
      className="inbox-lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={t('kind_image')}
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <img src={src} alt="" />
      <button type="button" className="inbox-lightbox-close" onClick={onClose} autoFocus>
        {t('close')}
      </button>
    </div>
  );
}

/** `fallback`: where the picture loads from when `src` fails (WeChat keeps a customer's media 3 days only). */
function ImageContent({ src: first, fallback }: { src: string | undefined; fallback?: string | undefined }) {
  const t = useT(agentMessages);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const src = failed ? fallback : first;
  if (!src) return <span className="inbox-placeholder">{t('kind_image')}</span>;
  return (
    <>
      <button type="button" className="inbox-thumb" onClick={() => setOpen(true)} title={t('enlarge')} aria-label={t('enlarge')}>
        <img src={src} alt={t('kind_image')} loading="lazy" onError={() => setFailed(true)} />
      </button>
      {open && <Lightbox src={src} onClose={() => setOpen(false)} />}
    </>
  );
}

/** `messageId`: a customer's voice and video play from GET /messages/:id/media. */
export function MessageContent({ content, messageId }: { content: Content; messageId?: string }) {
  const t = useT(agentMessages);
  switch (content.type) {
    case 'text':
      return <Linkified text={content.text ?? ''} />;
    case 'image': {
      // A customer's picture through our server first (WeChat's picUrl may refuse hotlinks), WeChat's picUrl after.
      const fromWeChat = content.picUrl !== undefined && content.url === undefined ? messageMediaSrc(undefined, messageId) : undefined;
      const picUrl = mediaSrc(content.mediaId, content.url, content.picUrl);
      return fromWeChat ? <ImageContent src={fromWeChat} fallback={picUrl} /> : <ImageContent src={picUrl} />;
    }
    case 'miniprogrampage': {
      const thumb = mediaSrc(content.thumbMediaId, content.thumbUrl);
      return (
        <div className="inbox-card">
          <div className="inbox-card-kind">{t('kind_card')}</div>
          <div className="inbox-card-title">{content.title}</div>
          {thumb ? <img className="inbox-card-thumb" src={thumb} alt="" loading="lazy" /> : <div className="inbox-card-thumb empty" />}
          <div className="inbox-card-path mono">{content.pagePath}</div>
        </div>
      );
    }
    case 'link': {
      const href = content.url && /^https?:\/\//.test(content.url) ? content.url : undefined;
      return (
        <div className="inbox-card">
          <div className="inbox-card-kind">{t('kind_link')}</div>
          {href ? (
            <a className="inbox-card-title" href={href} target="_blank" rel="noopener noreferrer nofollow">
              {content.title || href}
            </a>
          ) : (
            <div className="inbox-card-title">{content.title}</div>
          )}
          {content.description && <div className="hint">{content.description}</div>}
        </div>
      );
    }
    case 'voice':
      return <VoiceContent content={content} messageId={messageId} />;
    case 'video':
      return <VideoContent content={content} messageId={messageId} />;
    case 'file':
      return <FileContent content={content} />;
    case 'location':
      return <LocationContent content={content} />;
    default:
      return <span className="inbox-placeholder">{t('kind_other', { type: content.msgType ?? content.type })}</span>;
  }
}

/** One line for a list's preview and a notification. */
export function contentSummary(
  content: Content,
  t: (k: 'kind_image' | 'kind_voice' | 'kind_video' | 'kind_file' | 'kind_location' | 'kind_link' | 'kind_card') => string,
): string {
  switch (content.type) {
    case 'text':
      return content.text ?? '';
    case 'image':
      return t('kind_image');
    case 'voice':
      return t('kind_voice');
    case 'video':
      return t('kind_video');
    case 'file':
      return t('kind_file');
    case 'location':
      return `${t('kind_location')} ${content.label ?? ''}`;
    case 'link':
      return `${t('kind_link')} ${content.title ?? ''}`;
    case 'miniprogrampage':
      return `${t('kind_card')} ${content.title ?? ''}`;
    default:
      return `[${content.msgType ?? content.type}]`;
  }
}
