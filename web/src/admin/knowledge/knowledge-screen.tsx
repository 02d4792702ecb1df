// The knowledge base of the platform's team or of one merchant (platform admins pick; a merchant admin
// has their own): entries with search and filters, create/edit/enable/delete, unanswered questions,
// the robot's settings, the knowledge base's own synonyms, import and export.
import { useMemo, useState } from 'react';
import { api, apiUrl } from '../../api/client';
import type { KnowledgeEntry, List } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { DataTable } from '../data-table';
import { adminMessages } from '../messages';
import { MerchantPicker, PLATFORM } from '../scope-pickers';
import { ChannelScreen } from '../screen';
import { ConfirmButton, LoadState } from '../ui';
import { useLoad, useSubmit } from '../use-load';
import { ENTRY_TYPES, EntryForm, type EntrySeed } from './entry-form';
import { Misses, RobotSettingsPanel, Transfer, type KbScope } from './kb-extras';
import { entryPicture } from './media-src';
import { kbMessages } from './messages';
import { mediaMessages } from './media-messages';
import { ErrorLine } from '../form-parts';
import { SynonymsPanel } from './synonyms-panel';

type Tab = 'entries' | 'misses' | 'robot' | 'synonyms' | 'transfer';
type Editing = { kind: 'new'; seed?: EntrySeed } | { kind: 'edit'; number: number } | undefined;

/** What the entry says; a stored picture or recording by its kind ([图片]), never its reference (media:…). */
function preview(e: KnowledgeEntry, kind: string): string {
  const webMedia = e.media !== undefined && /^https?:\/\//.test(e.media) ? e.media : undefined;
  return e.text ?? e.title ?? e.description ?? e.url ?? e.pagePath ?? webMedia ?? `[${kind}]`;
}

function Entries({
  scope,
  channelId,
  editing,
  setEditing,
}: {
  scope: KbScope;
  channelId: string;
  editing: Editing;
  setEditing(e: Editing): void;
}) {
  const t = useT(kbMessages);
  const tm = useT(mediaMessages);
  const ta = useT(adminMessages);
  const entries = useLoad(scope.key, (signal) =>
    api.get<List<KnowledgeEntry>>(scope.base, scope.query, signal).then((l) => l.items.sort((a, b) => a.number - b.number)),
  );
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [state, setState] = useState('');
  const action = useSubmit();
  const now = Date.now();

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (entries.data ?? []).filter((e) => {
      if (type && e.type !== type) return false;
      if (state === 'on' && !e.enabled) return false;
      if (state === 'off' && e.enabled) return false;
      if (!needle) return true;
      return [String(e.number), ...e.keywords, ...e.similarQuestions, e.title ?? '', e.text ?? '', e.description ?? ''].some((s) =>
        s.toLowerCase().includes(needle),
      );
    });
  }, [entries.data, q, type, state]);

  const entryPath = (n: number) => apiUrl(`${scope.base}/${n}`, scope.query);
  const upsert = (e: KnowledgeEntry) =>
    entries.setData((list) => [...(list ?? []).filter((x) => x.number !== e.number), e].sort((a, b) => a.number - b.number));
  const save = async (fields: Record<string, unknown>, isNew: boolean) => {
    if (isNew) upsert(await api.post<KnowledgeEntry>(scope.base, { ...fields, ...scope.query }));
    else if (editing?.kind === 'edit') upsert(await api.patch<KnowledgeEntry>(entryPath(editing.number), fields));
    setEditing(undefined);
  };
  const toggle = (e: KnowledgeEntry) =>
    void action.run(async () => upsert(await api.patch<KnowledgeEntry>(entryPath(e.number), { enabled: !e.enabled })));
  const remove = (e: KnowledgeEntry) =>
    void action.run(async () => {
      await api.delete(entryPath(e.number));
      entries.setData((list) => list?.filter((x) => x.number !== e.number));
    });
  const current = editing?.kind === 'edit' ? entries.data?.find((e) => e.number === editing.number) : undefined;
  const nextNumber = (entries.data ?? []).reduce((max, e) => Math.max(max, e.number), 0) + 1;

  return (
    <div className="stack">
      {editing && (editing.kind === 'new' || current) && (
        <EntryForm
          key={editing.kind === 'edit' ? editing.number : 'new'}
          channelId={channelId}
          entry={current}
          seed={editing.kind === 'new' ? editing.seed : undefined}
          nextNumber={nextNumber}
          save={save}
          onClose={() => setEditing(undefined)}
        />
      )}
      <div className="admin-filters" role="search">
        <input type="search" name="q" aria-label={t('search')} placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <select name="type" aria-label={t('filter_type')} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('filter_all')}</option>
          {ENTRY_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`type_${x}`)}
            </option>
          ))}
        </select>
        <select name="state" aria-label={t('filter_state')} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">{t('state_all')}</option>
          <option value="on">{t('state_on')}</option>
          <option value="off">{t('state_off')}</option>
        </select>
      </div>
      <ErrorLine error={action.error} />
      <LoadState state={entries}>
        {(list) => (
          <DataTable
            rows={shown}
            rowKey={(e) => e.number}
            empty={list.length === 0 ? t('empty') : t('no_match')}
            columns={[
              { header: t('col_number'), cell: (e) => e.number, className: 'mono' },
              {
                header: t('col_keywords'),
                cell: (e) => (
                  <>
                    {e.keywords.length === 0 ? <span className="admin-muted">—</span> : e.keywords.slice(0, 4).join(' / ')}
                    {e.keywords.length > 4 && ' …'}
                    {e.similarQuestions.length > 0 && (
                      <span className="badge" style={{ marginLeft: 6 }} title={e.similarQuestions.join('\n')}>
                        {t('similar_count', { count: e.similarQuestions.length })}
                      </span>
                    )}
                  </>
                ),
              },
              { header: t('col_type'), cell: (e) => t(`type_${e.type}`), className: 'admin-nowrap' },
              {
                header: t('col_content'),
                cell: (e) => (
                  <div className="admin-kb-content">
                    {entryPicture(e) && (
                      <img
                        className="admin-kb-thumb"
                        src={entryPicture(e)}
                        alt=""
                        loading="lazy"
                        data-testid="kb-thumb"
                        onError={(ev) => {
                          (ev.target as HTMLImageElement).style.display = 'none';
                        }}
                      />
                    )}
                    <div className="admin-kb-preview">{preview(e, t(`type_${e.type}`))}</div>
                  </div>
                ),
              },
              {
                header: t('col_state'),
                cell: (e) => (
                  <div className="row">
                    <span className={e.enabled ? 'badge green' : 'badge'}>{e.enabled ? t('enabled') : t('disabled')}</span>
                    {e.expiresAt !== undefined && e.expiresAt <= now && <span className="badge red">{t('expired')}</span>}
                    {e.welcome && <span className="badge blue">{t('welcome')}</span>}
                    {e.handoff && <span className="badge blue">{t('handoff')}</span>}
                    {e.sendProblems && (
                      // Stored before WeChat's rules were checked at save: shown, not hidden, so the admin fixes it.
                      <span className="badge red" title={e.sendProblems.join('\n')} data-testid={`kb-will-fail-${e.number}`}>
                        {tm('will_fail')}
                      </span>
                    )}
                  </div>
                ),
              },
            ]}
            actions={(e) => (
              <div className="row">
                <button type="button" onClick={() => setEditing({ kind: 'edit', number: e.number })}>
                  {ta('edit')}
                </button>
                <button type="button" onClick={() => toggle(e)} disabled={action.busy}>
                  {e.enabled ? t('disable') : t('enable')}
                </button>
                <ConfirmButton
                  label={ta('delete')}
                  question={t('delete_q', { number: e.number })}
                  onConfirm={() => remove(e)}
                  disabled={action.busy}
                />
              </div>
            )}
          />
        )}
      </LoadState>
    </div>
  );
}

function KnowledgeBody({ channelId, merchantScope }: { channelId: string; merchantScope: string }) {
  const t = useT(kbMessages);
  const { isPlatform } = useAdmin();
  const [tab, setTab] = useState<Tab>('entries');
  const [editing, setEditing] = useState<Editing>(undefined);
  const [round, setRound] = useState(0);
  const query = isPlatform && merchantScope !== PLATFORM ? { merchantId: merchantScope } : {};
  const scope: KbScope = { base: channelPath(channelId, '/knowledge'), query, key: `${channelId}|${merchantScope}|${round}` };
  const tabs: Tab[] = ['entries', 'misses', 'robot', 'synonyms', 'transfer'];
  const name = merchantScope === PLATFORM || !isPlatform ? channelId : merchantScope;
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div className="admin-tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
              {t(`tab_${x}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="primary"
          data-testid="kb-create"
          onClick={() => {
            setTab('entries');
            setEditing({ kind: 'new' });
          }}
        >
          {t('create')}
        </button>
      </div>
      {tab === 'entries' && <Entries scope={scope} channelId={channelId} editing={editing} setEditing={setEditing} />}
      {tab === 'misses' && (
        <Misses
          scope={scope}
          onAdd={(question) => {
            setTab('entries');
            setEditing({ kind: 'new', seed: { keywords: [question] } });
          }}
        />
      )}
      {tab === 'robot' && <RobotSettingsPanel scope={scope} />}
      {tab === 'synonyms' && <SynonymsPanel scope={scope} name={name} />}
      {tab === 'transfer' && <Transfer scope={scope} name={name} onImported={() => setRound((r) => r + 1)} />}
    </div>
  );
}

export function KnowledgeScreen() {
  const t = useT(kbMessages);
  const [merchantScope, setMerchantScope] = useState(PLATFORM);
  return (
    <ChannelScreen title={t('title')} tools={<MerchantPicker value={merchantScope} onChange={setMerchantScope} />}>
      {(channelId) => <KnowledgeBody key={`${channelId}|${merchantScope}`} channelId={channelId} merchantScope={merchantScope} />}
    </ChannelScreen>
  );
}
