// One skill group: rename, its work calendar, its members (add/remove) and its own settings overrides.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Agent, Calendar, Group, List, SettingsPatch } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { adminMessages } from '../messages';
import { SettingsEditor } from '../routing/settings-editor';
import { ConfirmButton, Empty, Field, LoadState } from '../ui';
import { useLoad, useSubmit } from '../use-load';
import { groupMessages } from './messages';
import { ErrorLine, SectionTitle } from '../form-parts';

export function GroupDetails({
  group,
  agents,
  groups,
  calendars,
  onChanged,
  onClose,
}: {
  group: Group;
  /** The agents of the group's merchant, to add. */
  agents: Agent[];
  groups: Group[];
  calendars: Calendar[];
  onChanged(g: Group): void;
  onClose(): void;
}) {
  const t = useT(groupMessages);
  const ta = useT(adminMessages);
  const base = `/api/v1/groups/${encodeURIComponent(group.id)}`;
  const [name, setName] = useState(group.name);
  const [calendarId, setCalendarId] = useState(group.calendarId ?? '');
  const [saved, setSaved] = useState(false);
  const [pick, setPick] = useState('');
  const submit = useSubmit();
  const members = useLoad(group.id, (signal) => api.get<List<Agent>>(`${base}/members`, undefined, signal).then((l) => l.items));

  const saveGroup = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return submit.setError(t('e_name'));
    void submit.run(async () => {
      onChanged(await api.patch<Group>(base, { name: name.trim(), calendarId: calendarId || null }));
      setSaved(true);
    });
  };
  const add = () => {
    if (!pick) return;
    void submit.run(async () => {
      const agent = await api.put<Agent>(`${base}/members/${encodeURIComponent(pick)}`);
      members.setData((list) => [...(list ?? []).filter((a) => a.id !== agent.id), agent]);
      setPick('');
    });
  };
  const remove = (agentId: string) =>
    void submit.run(async () => {
      await api.delete(`${base}/members/${encodeURIComponent(agentId)}`);
      members.setData((list) => list?.filter((a) => a.id !== agentId));
    });
  const saveSettings = async (patch: SettingsPatch) => {
    onChanged(await api.patch<Group>(base, { settings: Object.keys(patch).length > 0 ? patch : null }));
  };
  const candidates = agents.filter((a) => (a.merchantId ?? '') === (group.merchantId ?? '') && !members.data?.some((m) => m.id === a.id));

  return (
    <section className="card stack" aria-label={t('details', { name: group.name })}>
      <SectionTitle title={t('details', { name: group.name })} onClose={onClose} />
      <form className="row" style={{ alignItems: 'flex-end' }} onSubmit={saveGroup}>
        <Field label={t('f_name')}>
          <input
            name="name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
          />
        </Field>
        <Field label={t('f_calendar')}>
          <select
            name="calendarId"
            value={calendarId}
            onChange={(e) => {
              setCalendarId(e.target.value);
              setSaved(false);
            }}
          >
            <option value="">{t('f_calendar_none')}</option>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('save_group')}
        </button>
        {saved && (
          <span className="badge green" role="status">
            {ta('saved')}
          </span>
        )}
      </form>
      <ErrorLine error={submit.error} />

      <h3>{t('members')}</h3>
      <LoadState state={members}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('members_empty')}</Empty>
          ) : (
            <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 6 }}>
              {list.map((a) => (
                <li key={a.id} className="row" data-id={a.id}>
                  <span>{a.name}</span>
                  <ConfirmButton
                    label={t('remove_member')}
                    question={t('remove_member_q', { name: a.name })}
                    onConfirm={() => remove(a.id)}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <div className="row">
        <select name="member" aria-label={t('add_member')} value={pick} onChange={(e) => setPick(e.target.value)} style={{ maxWidth: 260 }}>
          <option value="">{t('add_pick')}</option>
          {candidates.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={add} disabled={!pick || submit.busy}>
          {t('add_member')}
        </button>
      </div>

      <h3>{t('settings')}</h3>
      <SettingsEditor
        key={group.id}
        stored={group.settings}
        effective={undefined}
        groups={groups}
        calendars={calendars}
        onSave={saveSettings}
        hint={t('settings_hint')}
      />
    </section>
  );
}
