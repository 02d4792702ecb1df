// Media a customer sent, as what they are: voice plays in the browser (the server converts WeChat's AMR
// or Speex to MP3: GET /messages/:id/media) with WeChat's transcription beside it, video plays, a file
// shows its name and size, a location links to a map.
import type { MessageContent } from '../api/types';
import { defineMessages, useT } from '../i18n/i18n';
import './media.css';

const mediaMessages = defineMessages(
  {
    voice: '语音',
    transcription: '语音转文字',
    video: '视频',
    file: '文件',
    file_no_download: '微信不提供该文件的下载',
    location: '位置',
    open_map: '在地图中查看',
    media_gone: '微信已不再保存此媒体（超过 3 天）',
  },
  {
    voice: 'Voice',
    transcription: 'Transcription',
    video: 'Video',
    file: 'File',
    file_no_download: 'WeChat offers no download of this file',
    location: 'Location',
    open_map: 'Open in a map',
    media_gone: 'WeChat no longer keeps this media (after 3 days)',
  },
);

type Of<T extends MessageContent['type']> = Extract<MessageContent, { type: T }>;

/** Where the browser loads a message's media: its own URL (our store), else the customer's media from WeChat. */
export const messageMediaSrc = (url: string | undefined, messageId: string | undefined) =>
  url ?? (messageId === undefined ? undefined : `/api/v1/messages/${encodeURIComponent(messageId)}/media`);

export function VoiceContent({ content, messageId }: { content: Of<'voice'>; messageId: string | undefined }) {
  const t = useT(mediaMessages);
  const src = messageMediaSrc(content.url, messageId);
  return (
    <div className="media-voice">
      {src ? (
        <audio controls preload="metadata" src={src} data-testid="voice-audio" title={t('voice')} />
      ) : (
        <span className="hint">{t('voice')}</span>
      )}
      {content.recognition && (
        <div className="media-transcription" data-testid="voice-transcription">
          <span className="hint">{t('transcription')}：</span>
          {content.recognition}
        </div>
      )}
    </div>
  );
}

export function VideoContent({ content, messageId }: { content: Of<'video'>; messageId: string | undefined }) {
  const t = useT(mediaMessages);
  const src = messageMediaSrc(content.url, messageId);
  return (
    <div className="media-video">
      {src ? <video controls preload="metadata" src={src} data-testid="video-player" title={content.title ?? t('video')} /> : t('video')}
      {content.title && <div className="hint">{content.title}</div>}
    </div>
  );
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function FileContent({ content }: { content: Of<'file'> }) {
  const t = useT(mediaMessages);
  return (
    <div className="media-file" data-testid="file-message" title={t('file_no_download')}>
      <span className="badge">{t('file')}</span>
      <span className="media-file-name">{content.title}</span>
      {content.size !== undefined && <span className="hint"> · {bytes(content.size)}</span>}
    </div>
  );
}

/** WeChat's coordinates are GCJ-02 in mainland China, as Amap's map takes them. */
export function LocationContent({ content }: { content: Of<'location'> }) {
  const t = useT(mediaMessages);
  const lat = Number(content.latitude);
  const lng = Number(content.longitude);
  const valid = Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  const href = valid
    ? `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(content.label || t('location'))}&coordinate=gaode&callnative=0`
    : undefined;
  return (
    <div className="media-location" data-testid="location-message">
      <span className="badge">{t('location')}</span> <span>{content.label || t('location')}</span>
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="media-map-link">
          {t('open_map')}
        </a>
      )}
    </div>
  );
}
