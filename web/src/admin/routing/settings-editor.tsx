// The routing settings of one level (channel, merchant or skill group) as grouped forms. Each field shows
// what is in effect when left empty, so an admin sees what overriding changes.
import { useState, type FormEvent } from 'react';
import type { Calendar, Group, SettingsPatch } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { FormFooter } from '../form-parts';
import { adminMessages } from '../messages';
import { useSubmit } from '../use-load';
import { settingsMessages } from './messages';
import { draftOf, MESSAGE_KEYS, patchOf, SETTING_GROUPS, type Draft, type FieldSpec } from './settings-fields';

type T = ReturnType<typeof useT<keyof (typeof settingsMessages)['zh']>>;
type Key = Parameters<T>[0];
const k = (s: string) => s as Key;

function shown(t: T, f: FieldSpec, value: unknown, groups: Group[], calendars: Calendar[]): string {
  if (value === undefined || value === null || value === '') return t('none');
  if (f.kind === 'bool') return value ? t('on') : t('off');
  if (f.kind === 'enum') return t(k(`o_${f.key}_${String(value).replace('zh-CN', 'zh')}`));
  if (f.kind === 'group') return groups.find((g) => g.id === value)?.name ?? String(value);
  if (f.kind === 'calendar') return calendars.find((c) => c.id === value)?.name ?? String(value);
  if (f.kind === 'int' && f.unit === 'minutes') return `${String(value)} ${t('unit_minutes')}`;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function SettingsEditor({
  stored,
  effective,
  groups,
  calendars,
  onSave,
  saveLabel,
  hint,
}: {
  stored: SettingsPatch | undefined;
  /** What applies with this level empty (the answer's `effective` for channel/merchant; undefined: unknown). */
  effective: Record<string, unknown> | undefined;
  groups: Group[];
  calendars: Calendar[];
  onSave(patch: SettingsPatch): Promise<void>;
  saveLabel?: string;
  hint?: string;
}) {
  const t = useT(settingsMessages);
  const ta = useT(adminMessages);
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const set = (key: string, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const effectiveMessages = (effective?.messages ?? {}) as Record<string, string>;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const result = patchOf(draft);
    if ('bad' in result) {
      submit.setError(t('e_number', { field: t(k(`f_${result.bad.key}`)), min: result.bad.min, max: result.bad.max }));
      return;
    }
    void submit.run(async () => {
      await onSave(result.patch);
      setSaved(true);
    });
  };

  const control = (f: FieldSpec) => {
    const value = draft[f.key] ?? '';
    const name = f.key;
    switch (f.kind) {
      case 'enum':
        return (
          <select name={name} value={value} onChange={(e) => set(f.key, e.target.value)}>
            <option value="">{t('inherit')}</option>
            {f.options.map((o) => (
              <option key={o} value={o}>
                {t(k(`o_${f.key}_${o.replace('zh-CN', 'zh')}`))}
              </option>
            ))}
          </select>
        );
      case 'bool':
        return (
          <select name={name} value={value} onChange={(e) => set(f.key, e.target.value)}>
            <option value="">{t('inherit')}</option>
            <option value="true">{t('on')}</option>
            <option value="false">{t('off')}</option>
          </select>
        );
      case 'int':
        return (
          <span className="row" style={{ flexWrap: 'nowrap' }}>
            <input
              name={name}
              type="number"
              min={f.min}
              max={f.max}
              step={1}
              value={value}
              placeholder={t('inherit')}
              onChange={(e) => set(f.key, e.target.value)}
            />
            {f.unit === 'minutes' && <span className="admin-nowrap">{t('unit_minutes')}</span>}
          </span>
        );
      case 'group':
      case 'calendar': {
        const options = f.kind === 'group' ? groups : calendars;
        return (
          <select name={name} value={value} onChange={(e) => set(f.key, e.target.value)}>
            <option value="">{t('inherit')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            {value && !options.some((o) => o.id === value) && <option value={value}>{value}</option>}
          </select>
        );
      }
      case 'list':
        return <textarea name={name} rows={2} value={value} placeholder={t('inherit')} onChange={(e) => set(f.key, e.target.value)} />;
      default:
        return <input name={name} value={value} placeholder={t('inherit')} onChange={(e) => set(f.key, e.target.value)} />;
    }
  };

  return (
    <form className="admin-form" onSubmit={save} noValidate>
      {hint && <p className="hint">{hint}</p>}
      {SETTING_GROUPS.map(({ group, fields }) => (
        <fieldset key={group} className="card">
          <legend>{t(k(`g_${group}`))}</legend>
          <div className="grid-form">
            {fields.map((f) => {
              const helpKey = `h_${f.key}`;
              const help = helpKey in settingsMessages.zh ? t(k(helpKey)) : undefined;
              return (
                <label key={f.key} className="admin-field">
                  <span>{t(k(`f_${f.key}`))}</span>
                  {control(f)}
                  {help && <span className="hint">{help}</span>}
                  {effective && <span className="hint">{t('effective', { value: shown(t, f, effective[f.key], groups, calendars) })}</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <fieldset className="card">
        <legend>{t('g_messages')}</legend>
        <p className="hint" style={{ marginBottom: 10 }}>
          {t('g_messages_hint')}
        </p>
        <div className="grid-form" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))' }}>
          {MESSAGE_KEYS.map((m) => (
            <label key={m} className="admin-field">
              <span>{t(k(`m_${m}`))}</span>
              <textarea
                name={`messages.${m}`}
                rows={3}
                maxLength={600}
                value={draft[`messages.${m}`] ?? ''}
                placeholder={effectiveMessages[m] ?? t('inherit')}
                onChange={(e) => set(`messages.${m}`, e.target.value)}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <FormFooter
        submit={submit}
        saveTestId="settings-save"
        saveLabel={submit.busy ? ta('saving') : (saveLabel ?? ta('save'))}
        saved={saved}
      >
        <button
          type="button"
          onClick={() => {
            setDraft(draftOf(stored));
            setSaved(false);
            submit.setError(undefined);
          }}
        >
          {t('reset')}
        </button>
      </FormFooter>
    </form>
  );
}
