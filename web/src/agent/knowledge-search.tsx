// Searching the knowledge base from the composer: type to search (debounced), click an answer to put
// its text in the reply box for editing, or send the entry as it is (pictures and cards included).
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import type { KnowledgeHit } from '../api/types';
import { agentMessages } from './messages';

interface Props {
  channelId: string;
  merchantId?: string | undefined;
  disabled: boolean;
  onInsert(text: string): void;
  onSend(number: number): Promise<void>;
}

const KINDS: Partial<Record<string, 'kind_image' | 'kind_voice' | 'kind_video' | 'kind_card'>> = {
  image: 'kind_image',
  voice: 'kind_voice',
  video: 'kind_video',
  miniprogram: 'kind_card',
};

/** The server says what a media entry is in a tag ("[picture]"); the reader sees it in their language. */
function previewText(h: KnowledgeHit, t: (key: 'kind_image' | 'kind_voice' | 'kind_video' | 'kind_card') => string): string {
  const kind = KINDS[h.type];
  return kind ? h.preview.replace(/^\[[^\]\n]*\]/, t(kind)) : h.preview;
}

export function KnowledgeSearch({ channelId, merchantId, disabled, onInsert, onSend }: Props) {
  const t = useT(agentMessages);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<KnowledgeHit[]>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setHits(undefined);
      setError(undefined);
      return;
    }
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .get<{ items: KnowledgeHit[] }>(
          `/api/v1/channels/${encodeURIComponent(channelId)}/knowledge/search`,
          { q: query, limit: 8, merchantId },
          ctl.signal,
        )
        .then(
          (r) => {
            setHits(r.items);
            setError(undefined);
          },
          (err: unknown) => {
            if ((err as Error).name === 'AbortError') return;
            setHits(undefined);
            setError(err instanceof ApiError ? err.message : String(err));
          },
        );
    }, 300);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [q, channelId, merchantId]);

  const close = () => {
    setOpen(false);
    setQ('');
  };

  return (
    <div className="inbox-kb" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <input
        type="search"
        name="kbSearch"
        data-testid="kb-search"
        placeholder={t('kb_search')}
        aria-label={t('kb_search')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
      />
      {open && q.trim() && (
        <div className="inbox-kb-results" role="listbox" aria-label={t('kb_search')}>
          {error && <p className="error">{t('kb_failed', { reason: error })}</p>}
          {hits && hits.length === 0 && <p className="hint">{t('kb_empty')}</p>}
          {!hits && !error && <p className="hint">{t('loading')}</p>}
          {hits?.map((h) => (
            <div key={h.number} className="inbox-kb-item" role="option" aria-selected="false" data-kb-number={h.number}>
              <button
                type="button"
                className="inbox-kb-insert"
                onClick={() => {
                  onInsert(h.preview);
                  close();
                }}
                title={t('kb_insert')}
              >
                <span className="inbox-kb-q">
                  #{h.number} {h.question}
                </span>
                <span className="inbox-kb-a">{previewText(h, t)}</span>
              </button>
              <button
                type="button"
                className="inbox-kb-send"
                data-testid="kb-send"
                disabled={disabled}
                onClick={() => void onSend(h.number).then(close, () => undefined)}
              >
                {t('kb_send')}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
