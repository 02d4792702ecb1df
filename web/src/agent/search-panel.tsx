// Search in the inbox's side: a box for words (in messages, Chinese too, or the customer's nickname,
// openid or UnionID) and filters (tag, state, agent, dates). While a search is on, its results replace the
// lists; the server answers only with conversations the caller may see.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useT, useTimeZone } from '../i18n/i18n';
import { zonedDayEnd, zonedMidnight } from '../i18n/zoned-date';
import { useTagList } from './conversation-tags';
import { deskMessages } from './desk-messages';
import type { SearchResult } from './desk-types';
import { agentMessages } from './messages';
import type { Directory } from './use-directory';
import { Results } from './search-results';
import './desk.css';

type Field = 'text' | 'customerName' | 'openid' | 'unionId';
const FIELDS: Array<[Field, 'search_in_text' | 'search_in_name' | 'search_in_openid' | 'search_in_union']> = [
  ['text', 'search_in_text'],
  ['customerName', 'search_in_name'],
  ['openid', 'search_in_openid'],
  ['unionId', 'search_in_union'],
];
const STATES = ['bot', 'queued', 'assigned', 'left_message', 'ended'] as const;

interface Filters {
  words: string;
  field: Field;
  tagId: string;
  state: string;
  agentId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { words: '', field: 'text', tagId: '', state: '', agentId: '', from: '', to: '' };

/** `zone`: the channel's time zone, where the picked dates are days. */
function queryOf(f: Filters, zone: string | undefined, before?: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      [f.field]: f.words.trim(),
      tagId: f.tagId,
      state: f.state,
      agentId: f.agentId,
      from: f.from && String(zonedMidnight(f.from, zone)),
      to: f.to && String(zonedDayEnd(f.to, zone)),
      before: before === undefined ? '' : String(before),
    }).filter(([, v]) => v !== ''),
  );
}

export function SearchPanel({
  channelId,
  directory,
  active,
  onActive,
}: {
  channelId: string;
  directory: Directory;
  active: boolean;
  onActive(on: boolean): void;
}) {
  const t = useT(deskMessages);
  const zone = useTimeZone();
  const tags = useTagList(channelId);
  const [f, setF] = useState<Filters>(EMPTY);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SearchResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const set = (patch: Partial<Filters>) => setF((old) => ({ ...old, ...patch }));

  const run = async (before?: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await api.get<SearchResult>(
        `/api/v1/channels/${encodeURIComponent(channelId)}/conversations/search`,
        queryOf(f, zone, before),
      );
      setResult((old) => (before !== undefined && old ? { ...page, items: [...old.items, ...page.items] } : page));
      onActive(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };
  const clear = () => {
    setF(EMPTY);
    setResult(undefined);
    onActive(false);
  };

  return (
    <div className="desk-search" data-testid="search-panel">
      <form className="desk-search-form" role="search" onSubmit={submit}>
        <div className="row">
          <input
            name="q"
            type="search"
            data-testid="search-input"
            value={f.words}
            placeholder={t('search_placeholder')}
            onChange={(e) => set({ words: e.target.value })}
          />
          <button type="submit" className="primary" data-testid="search-submit" disabled={busy}>
            {t('search')}
          </button>
          <button type="button" className="link" aria-expanded={open} data-testid="search-filters" onClick={() => setOpen(!open)}>
            {t('search_filters')}
          </button>
        </div>
        {open && (
          <div className="desk-search-filters">
            <label className="inline">
              {t('search_in')}
              <select name="field" value={f.field} onChange={(e) => set({ field: e.target.value as Field })}>
                {FIELDS.map(([v, k]) => (
                  <option key={v} value={v}>
                    {t(k)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              {t('search_tag')}
              <select name="tagId" data-testid="search-tag" value={f.tagId} onChange={(e) => set({ tagId: e.target.value })}>
                <option value="">{t('search_any_tag')}</option>
                {tags.map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.name}
                  </option>
                ))}
              </select>
            </label>
            <StateAndAgent f={f} set={set} directory={directory} />
            <label className="inline">
              {t('search_from')}
              <input type="date" name="from" value={f.from} onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label className="inline">
              {t('search_to')}
              <input type="date" name="to" value={f.to} onChange={(e) => set({ to: e.target.value })} />
            </label>
          </div>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {active && result && (
        <Results
          result={result}
          words={f.field === 'text' ? f.words.trim() : ''}
          tags={tags}
          busy={busy}
          onMore={(before) => void run(before)}
          onClear={clear}
        />
      )}
    </div>
  );
}

function StateAndAgent({ f, set, directory }: { f: Filters; set(p: Partial<Filters>): void; directory: Directory }) {
  const t = useT(deskMessages);
  const ta = useT(agentMessages);
  return (
    <>
      <label className="inline">
        {t('search_state')}
        <select name="state" value={f.state} onChange={(e) => set({ state: e.target.value })}>
          <option value="">{t('search_any_state')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {ta(`state_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        {t('search_agent')}
        <select name="agentId" value={f.agentId} onChange={(e) => set({ agentId: e.target.value })}>
          <option value="">{t('search_any_agent')}</option>
          {directory.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
