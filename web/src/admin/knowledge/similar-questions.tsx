// An entry's similar questions (相似问法) as an editable list: other ways customers ask for the entry,
// matched by the robot like the entry's own words. One line each, at most 200 characters (the server's
// rule: CSV keeps them one per line in a cell).
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { kbMessages } from './messages';

export const MAX_SIMILAR = 100;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

export function SimilarQuestionsInput({ value, onChange }: { value: string[]; onChange(list: string[]): void }) {
  const t = useT(kbMessages);
  const [draft, setDraft] = useState('');
  const add = () => {
    const q = oneLine(draft);
    if (q && !value.includes(q) && value.length < MAX_SIMILAR) onChange([...value, q]);
    setDraft('');
  };
  return (
    <div className="admin-field wide" role="group" aria-label={t('f_similar')} data-testid="kb-similar">
      <span>{t('f_similar')}</span>
      {value.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity
        <div className="row" key={i}>
          <input
            name={`similar-${i}`}
            aria-label={`${t('f_similar')} ${i + 1}`}
            maxLength={200}
            value={q}
            onChange={(e) => onChange(value.map((x, j) => (j === i ? e.target.value.replace(/[\r\n]/g, ' ') : x)))}
            style={{ flex: '1 1 220px', width: 'auto' }}
          />
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`${t('similar_remove')} ${i + 1}`}>
            {t('similar_remove')}
          </button>
        </div>
      ))}
      <div className="row">
        <input
          name="similarNew"
          aria-label={t('similar_new')}
          placeholder={t('similar_new')}
          maxLength={200}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          style={{ flex: '1 1 220px', width: 'auto' }}
        />
        <button type="button" onClick={add} disabled={!oneLine(draft) || value.length >= MAX_SIMILAR}>
          {t('similar_add')}
        </button>
      </div>
      <span className="hint">{t('f_similar_hint')}</span>
    </div>
  );
}

/** What the form sends: trimmed, blank rows and repeats dropped. */
export function cleanSimilar(list: readonly string[]): string[] {
  return [...new Set(list.map(oneLine).filter(Boolean))];
}
