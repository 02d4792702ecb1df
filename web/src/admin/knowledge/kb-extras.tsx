// The knowledge base's side panels: questions the robot could not answer (with "add as entry" and "add
// as a similar question of entry N"), the robot's settings, and import/export of the entries.
import { useRef, useState, type FormEvent } from 'react';
import { api, apiUrl, fileToBase64 } from '../../api/client';
import type {
  KnowledgeEntry,
  KnowledgeExport,
  KnowledgeImport,
  KnowledgeImportAnswer,
  KnowledgeMiss,
  List,
  RobotSettings,
} from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { LoadedTable } from '../data-table';
import { adminMessages } from '../messages';
import { ErrorLine, FormFooter } from '../form-parts';
import { saveFile } from '../save-file';
import { ConfirmButton, Field, LoadState } from '../ui';
import { useLoad, useSubmit } from '../use-load';
import { kbMessages } from './messages';
import { useSemanticDraft } from './semantic-fields';
import { useAdmin } from '../admin-context';

/** The base path and the scope query of one knowledge base. */
export interface KbScope {
  base: string;
  query: { merchantId?: string };
  key: string;
}

export function Misses({ scope, onAdd }: { scope: KbScope; onAdd(question: string): void }) {
  const t = useT(kbMessages);
  const f = useFormatters();
  const misses = useLoad(scope.key, (signal) =>
    api.get<List<KnowledgeMiss>>(`${scope.base}/misses`, { ...scope.query, limit: 200 }, signal).then((l) => l.items),
  );
  return (
    <LoadedTable
      state={misses}
      rowKey={(m) => m.question}
      empty={t('misses_empty')}
      columns={[
        { header: t('miss_question'), cell: (m) => m.question },
        { header: t('miss_count'), cell: (m) => f.number(m.count) },
        { header: t('miss_last'), cell: (m) => f.dateTime(m.lastAt), className: 'admin-nowrap' },
      ]}
      actions={(m) => (
        <div className="row">
          <button type="button" onClick={() => onAdd(m.question)}>
            {t('miss_add')}
          </button>
          <AddAsSimilar scope={scope} question={m.question} />
        </div>
      )}
    />
  );
}

/** "Add as a similar question of entry N": the robot then answers this question with that entry. */
function AddAsSimilar({ scope, question }: { scope: KbScope; question: string }) {
  const t = useT(kbMessages);
  const [number, setNumber] = useState('');
  const [added, setAdded] = useState<number | undefined>(undefined);
  const submit = useSubmit();
  const n = Number(number);
  const valid = Number.isInteger(n) && n >= 1 && n <= 999_999_999;
  const add = () =>
    void submit.run(async () => {
      setAdded(undefined);
      const entry = await api.post<KnowledgeEntry>(apiUrl(`${scope.base}/${n}/similar-questions`, scope.query), { question });
      setAdded(entry.number);
    });
  return (
    <>
      <input
        type="number"
        min={1}
        name="similarTo"
        aria-label={t('miss_similar_to')}
        placeholder={t('miss_similar_to')}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        style={{ width: '7em' }}
      />
      <button type="button" onClick={add} disabled={!valid || submit.busy}>
        {t('miss_add_similar')}
      </button>
      {added !== undefined && (
        <span className="success" role="status">
          {t('miss_added_similar', { number: added })}
        </span>
      )}
      <ErrorLine error={submit.error} />
    </>
  );
}

function RobotForm({ scope, settings }: { scope: KbScope; settings: RobotSettings }) {
  const t = useT(kbMessages);
  const ta = useT(adminMessages);
  // The semantic stage is per channel: platform admins set it on the platform's settings.
  const { isPlatform } = useAdmin();
  const semanticShown = isPlatform && scope.query.merchantId === undefined && settings.semantic !== undefined;
  const semantic = useSemanticDraft(settings.semantic ?? { enabled: false, url: '', model: '', timeoutMs: 300, apiKeySet: false });
  const [handoff, setHandoff] = useState(String(settings.handoffAfterMisses));
  const [threshold, setThreshold] = useState(String(settings.threshold));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const h = Number(handoff);
    const th = Number(threshold);
    if (!Number.isInteger(h) || h < 0 || h > 20) return submit.setError(t('e_handoff'));
    if (threshold.trim() === '' || !Number.isFinite(th) || th < 0 || th > 1) return submit.setError(t('e_threshold'));
    const sem = semanticShown ? semantic.change() : undefined;
    if (sem && 'error' in sem) return submit.setError(sem.error);
    void submit.run(async () => {
      // The settings route takes the scope as a query string, also on PUT.
      await api.put(apiUrl(`${scope.base}/settings`, scope.query), {
        handoffAfterMisses: h,
        threshold: th,
        ...(sem && { semantic: sem.ok }),
      });
      setSaved(true);
    });
  };
  return (
    <form className="card admin-form" onSubmit={save} noValidate>
      <div className="grid-form">
        <Field label={t('robot_handoff')} hint={t('robot_handoff_hint')}>
          <input name="handoffAfterMisses" type="number" min={0} max={20} value={handoff} onChange={(e) => setHandoff(e.target.value)} />
        </Field>
        <Field label={t('robot_threshold')} hint={t('robot_threshold_hint')}>
          <input
            name="threshold"
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        </Field>
      </div>
      {semanticShown && semantic.fields}
      <FormFooter submit={submit} saveLabel={ta('save')} saved={saved} />
    </form>
  );
}

export function RobotSettingsPanel({ scope }: { scope: KbScope }) {
  const settings = useLoad(scope.key, (signal) => api.get<RobotSettings>(`${scope.base}/settings`, scope.query, signal));
  return <LoadState state={settings}>{(s) => <RobotForm key={scope.key} scope={scope} settings={s} />}</LoadState>;
}

function download(filename: string, data: string, type: string) {
  saveFile(new Blob([data], { type }), filename);
}

export function Transfer({ scope, name, onImported }: { scope: KbScope; name: string; onImported(): void }) {
  const t = useT(kbMessages);
  const exporting = useSubmit();
  const importing = useSubmit();
  const [replace, setReplace] = useState(false);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportAs = (format: 'csv' | 'json') =>
    void exporting.run(async () => {
      const answer = await api.get<KnowledgeExport>(`${scope.base}/export`, { ...scope.query, format });
      // A BOM so Excel opens the CSV's Chinese as UTF-8.
      download(
        `knowledge-${name}.${format}`,
        format === 'csv' ? `\uFEFF${answer.data}` : answer.data,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      );
    });
  const runImport = () => {
    setDone(undefined);
    if (!file) return importing.setError(t('import_pick'));
    void importing.run(async () => {
      const data = (await file.text()).replace(/^\uFEFF/, '');
      const format =
        file.name.toLowerCase().endsWith('.json') || data.trimStart().startsWith('[') || data.trimStart().startsWith('{') ? 'json' : 'csv';
      // The file's bytes: the server tells UTF-8 from GBK (Excel's plain CSV on Chinese Windows).
      const body: KnowledgeImport = { format, data: await fileToBase64(file), encoding: 'base64', replace };
      const answer = await api.post<KnowledgeImportAnswer>(apiUrl(`${scope.base}/import`, scope.query), body);
      setDone(t('imported', { count: answer.imported }));
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      onImported();
    });
  };
  return (
    <div className="admin-split">
      <section className="card stack">
        <h2>{t('export_title')}</h2>
        <p className="hint">{t('export_hint')}</p>
        <div className="row">
          <button type="button" onClick={() => exportAs('csv')} disabled={exporting.busy}>
            {t('export_csv')}
          </button>
          <button type="button" onClick={() => exportAs('json')} disabled={exporting.busy}>
            {t('export_json')}
          </button>
        </div>
        <ErrorLine error={exporting.error} />
      </section>
      <section className="card stack">
        <h2>{t('import_title')}</h2>
        <p className="hint">{t('import_hint')}</p>
        <Field label={t('import_file')}>
          <input
            ref={fileInput}
            type="file"
            name="importFile"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setDone(undefined);
            }}
          />
        </Field>
        <label className="inline">
          <input type="checkbox" name="replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {t('import_replace')}
        </label>
        <div className="row">
          {replace ? (
            <ConfirmButton
              label={t('import_go')}
              question={t('import_replace_q')}
              onConfirm={runImport}
              disabled={importing.busy || !file}
            />
          ) : (
            <button type="button" className="primary" onClick={runImport} disabled={importing.busy || !file}>
              {t('import_go')}
            </button>
          )}
        </div>
        <ErrorLine error={importing.error} />
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
      </section>
    </div>
  );
}
