// The customer's side of the chat, drawn like a phone: what the customer typed on the right, what WeChat
// delivered (robot, agents, system notices) on the left, in time order. Pictures and card thumbnails are
// media_ids the emulator keeps; the simulator's media route passes their bytes on.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { apiUrl } from '../api/client';
import { useFormatters, useT } from '../i18n/i18n';
import { simulatorMessages } from './messages';
import type { Delivered } from './use-delivered';

export interface Typed {
  at: number;
  text: string;
  failed?: string;
}

type Line = { side: 'me'; at: number; key: string; typed: Typed } | { side: 'them'; at: number; key: string; delivered: Delivered };

/** Where the browser loads a delivered media_id from (undefined: none given). */
function mediaSrc(channelId: string, mediaId: string | undefined): string | undefined {
  return mediaId ? apiUrl(`/workbench/simulator/media/${encodeURIComponent(mediaId)}`, { channelId }) : undefined;
}

/** A delivered picture; the placeholder when it cannot be shown (the emulator forgot it, say). */
function Picture({ src, className, label }: { src: string | undefined; className: string; label: string }) {
  const [broken, setBroken] = useState(false);
  if (!src || broken)
    return className === 'sim-image' ? (
      <span className="sim-placeholder">{label}</span>
    ) : (
      <span className="sim-card-thumb" aria-hidden="true" />
    );
  return <img className={className} src={src} alt={label} loading="lazy" onError={() => setBroken(true)} />;
}

function DeliveredContent({ m, channelId }: { m: Delivered['message']; channelId: string }) {
  const t = useT(simulatorMessages);
  const part = (name: string) => (m[name] ?? {}) as Record<string, string | undefined>;
  switch (m.msgtype) {
    case 'text':
      return <span className="sim-text">{part('text').content}</span>;
    case 'image':
      return <Picture className="sim-image" src={mediaSrc(channelId, part('image').media_id)} label={t('kind_image')} />;
    case 'voice':
      return <span className="sim-placeholder">{t('kind_voice')}</span>;
    case 'video': {
      const thumb = mediaSrc(channelId, part('video').thumb_media_id);
      return (
        <span className="sim-card">
          <span className="sim-card-kind">{t('kind_video')}</span>
          {part('video').title && <strong>{part('video').title}</strong>}
          {thumb && <Picture className="sim-card-img" src={thumb} label={t('kind_video')} />}
        </span>
      );
    }
    case 'file':
      return <span className="sim-placeholder">{t('kind_file')}</span>;
    case 'miniprogrampage': {
      const c = part('miniprogrampage');
      return (
        <span className="sim-card">
          <span className="sim-card-kind">{t('kind_card')}</span>
          <strong>{c.title}</strong>
          <Picture className="sim-card-img" src={mediaSrc(channelId, c.thumb_media_id)} label={t('kind_card')} />
          <span className="mono sim-card-path">{c.pagepath}</span>
        </span>
      );
    }
    case 'link': {
      const c = part('link');
      return (
        <span className="sim-card">
          <span className="sim-card-kind">{t('kind_link')}</span>
          <strong>{c.title}</strong>
          {c.description && <span className="hint">{c.description}</span>}
        </span>
      );
    }
    default:
      return <span className="sim-placeholder">{t('kind_other', { type: m.msgtype ?? '?' })}</span>;
  }
}

interface Props {
  channelId: string;
  name: string;
  typed: Typed[];
  delivered: Delivered[];
  busy: boolean;
  error: string | undefined;
  onSend(text: string): Promise<boolean>;
}

export function SimPhone({ channelId, name, typed, delivered, busy, error, onSend }: Props) {
  const t = useT(simulatorMessages);
  const f = useFormatters();
  const [text, setText] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const lines: Line[] = [
    ...typed.map((x, i): Line => ({ side: 'me', at: x.at, key: `me${i}`, typed: x })),
    ...delivered.map((d): Line => ({ side: 'them', at: d.at, key: `d${d.seq}`, delivered: d })),
  ].sort((a, b) => a.at - b.at);

  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length]);

  const send = async () => {
    const value = text.trim();
    if (!value || busy) return;
    if (await onSend(value)) setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <div className="sim-phone" aria-label={t('title')}>
      <div className="sim-phone-bar">
        {t('service')} · {name}
      </div>
      <div className="sim-phone-messages" ref={box} aria-live="polite" data-testid="sim-messages">
        {lines.length === 0 && <p className="sim-empty">{t('empty')}</p>}
        {lines.map((l) => (
          <div key={l.key} className={`sim-line ${l.side}`} data-side={l.side}>
            <div className="sim-bubble">
              {l.side === 'me' ? (
                <span className="sim-text">{l.typed.text}</span>
              ) : (
                <DeliveredContent m={l.delivered.message} channelId={channelId} />
              )}
            </div>
            <span className="sim-time">{f.time(l.at)}</span>
            {l.side === 'me' && l.typed.failed && <span className="error sim-failed">{l.typed.failed}</span>}
          </div>
        ))}
      </div>
      {error && (
        <p className="error sim-error" role="alert">
          {error}
        </p>
      )}
      <div className="sim-phone-input">
        <textarea
          name="simText"
          data-testid="sim-input"
          rows={1}
          value={text}
          placeholder={t('input')}
          aria-label={t('input')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={2000}
        />
        <button type="button" className="primary" data-testid="sim-send" disabled={busy || !text.trim()} onClick={() => void send()}>
          {busy ? t('sending') : t('send')}
        </button>
      </div>
    </div>
  );
}
