// A knowledge base's own synonyms: groups of words that mean the same to its customers, added to the
// robot's built-in customer-service vocabulary. Edited as text (one group per line, words separated by
// commas or 、) and exchanged as CSV (one group per line, one word per cell).
import { useRef, useState, type FormEvent } from 'react';
import { api, apiUrl } from '../../api/client';
import type { KnowledgeSynonyms, KnowledgeSynonymsExport } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { ErrorLine, FormFooter } from '../form-parts';
import { adminMessages } from '../messages';
import { saveFile } from '../save-file';
import { ConfirmButton, Field, LoadState } from '../ui';
import { useLoad, useSubmit } from '../use-load';
import type { KbScope } from './kb-extras';
import { kbMessages } from './messages';

const toText = (groups: string[][]) => groups.map((g) => g.join(', ')).join('\n');

/** Lines → groups; the 1-based line of the first group the server would refuse, if any. */
export function parseGroups(text: string): { groups: string[][]; badLine?: number } {
  const groups: string[][] = [];
  let badLine: number | undefined;
  text.split('\n').forEach((line, i) => {
    const words = [
      ...new Set(
        line
          .split(/[,，、]/)
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ];
    if (words.length === 0) return;
    if (badLine === undefined && (words.length < 2 || words.some((w) => w.length > 50))) badLine = i + 1;
    groups.push(words);
  });
  return badLine === undefined ? { groups } : { groups, badLine };
}

function SynonymsForm({ scope, initial }: { scope: KbScope; initial: string[][] }) {
  const t = useT(kbMessages);
  const ta = useT(adminMessages);
  const [text, setText] = useState(toText(initial));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { groups, badLine } = parseGroups(text);
    if (badLine !== undefined) return submit.setError(t('e_syn_group', { line: badLine }));
    void submit.run(async () => {
      const answer = await api.put<KnowledgeSynonyms>(apiUrl(`${scope.base}/synonyms`, scope.query), { groups });
      setText(toText(answer.groups));
      setSaved(true);
    });
  };
  return (
    <form className="card admin-form" onSubmit={save} noValidate>
      <h2>{t('syn_title')}</h2>
      <Field label={t('syn_groups')} hint={t('syn_hint')} wide>
        <textarea name="synonyms" rows={10} value={text} onChange={(e) => setText(e.target.value)} placeholder="顺丰, SF, 快递" />
      </Field>
      <FormFooter submit={submit} saveLabel={ta('save')} saved={saved} />
    </form>
  );
}

function SynonymsCsv({ scope, name, onImported }: { scope: KbScope; name: string; onImported(): void }) {
  const t = useT(kbMessages);
  const run = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>(undefined);
  const exportCsv = () =>
    void run.run(async () => {
      const answer = await api.get<KnowledgeSynonymsExport>(`${scope.base}/synonyms/export`, scope.query);
      saveFile(new Blob([answer.data], { type: 'text/csv;charset=utf-8' }), `synonyms-${name}.csv`);
    });
  const importCsv = () =>
    void run.run(async () => {
      if (!file) return;
      await api.post<KnowledgeSynonyms>(apiUrl(`${scope.base}/synonyms/import`, scope.query), { data: await file.text() });
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      onImported();
    });
  return (
    <section className="card stack">
      <p className="hint">{t('syn_csv_hint')}</p>
      <div className="row">
        <button type="button" onClick={exportCsv} disabled={run.busy}>
          {t('syn_export')}
        </button>
        <input
          ref={fileInput}
          type="file"
          name="synonymsFile"
          aria-label={t('import_file')}
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        <ConfirmButton label={t('syn_import')} question={t('syn_import_q')} onConfirm={importCsv} disabled={run.busy || !file} />
      </div>
      <ErrorLine error={run.error} />
    </section>
  );
}

export function SynonymsPanel({ scope, name }: { scope: KbScope; name: string }) {
  const [round, setRound] = useState(0);
  const synonyms = useLoad(`${scope.key}|${round}`, (signal) => api.get<KnowledgeSynonyms>(`${scope.base}/synonyms`, scope.query, signal));
  return (
    <div className="stack">
      <LoadState state={synonyms}>{(s) => <SynonymsForm key={`${scope.key}|${round}`} scope={scope} initial={s.groups} />}</LoadState>
      <SynonymsCsv scope={scope} name={name} onImported={() => setRound((r) => r + 1)} />
    </div>
  );
}
