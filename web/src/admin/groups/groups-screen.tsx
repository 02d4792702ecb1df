// Skill groups: list (platform admins: filtered by merchant), create, and a details panel per group
// (rename, calendar, members, settings overrides).
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Agent, Calendar, Group, List } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { LoadedTable } from '../data-table';
import { MerchantSelect, PLATFORM, useMerchantName } from '../scope-pickers';
import { MerchantScreen } from '../screen';
import { Field } from '../ui';
import { CreateBar, EditForm } from '../form-parts';
import { ArchiveActions, ArchivedBadge, ArchivedFilterPicker, type ArchivedFilter } from '../archive/archive-controls';
import { useLoad, useSubmit } from '../use-load';
import { GroupDetails } from './group-details';
import { groupMessages } from './messages';

function NewGroupForm({
  channelId,
  calendars,
  defaultMerchant,
  onCreated,
  onClose,
}: {
  channelId: string;
  calendars: Calendar[];
  defaultMerchant: string;
  onCreated(g: Group): void;
  onClose(): void;
}) {
  const t = useT(groupMessages);
  const { isPlatform } = useAdmin();
  const [name, setName] = useState('');
  const [merchant, setMerchant] = useState(defaultMerchant || PLATFORM);
  const [calendarId, setCalendarId] = useState('');
  const submit = useSubmit();
  const merchantId = isPlatform && merchant !== PLATFORM ? merchant : undefined;
  const offered = calendars.filter((c) => !isPlatform || (c.merchantId ?? PLATFORM) === merchant);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return submit.setError(t('e_name'));
    void submit.run(async () =>
      onCreated(
        await api.post<Group>(channelPath(channelId, '/groups'), {
          name: name.trim(),
          ...(merchantId && { merchantId }),
          ...(calendarId && { calendarId }),
        }),
      ),
    );
  };
  return (
    <EditForm title={t('new_title')} onSubmit={save} onClose={onClose} submit={submit} saveTestId="group-save">
      <div className="grid-form">
        <Field label={t('f_name')}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        {isPlatform && (
          <Field label={t('f_merchant')}>
            <MerchantSelect
              value={merchant}
              onChange={(v) => {
                setMerchant(v);
                setCalendarId('');
              }}
            />
          </Field>
        )}
        <Field label={t('f_calendar')}>
          <select name="calendarId" value={calendarId} onChange={(e) => setCalendarId(e.target.value)}>
            <option value="">{t('f_calendar_none')}</option>
            {offered.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </EditForm>
  );
}

function GroupsBody({ channelId, merchantScope }: { channelId: string; merchantScope: string }) {
  const t = useT(groupMessages);
  const { isPlatform } = useAdmin();
  const merchantName = useMerchantName();
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const groups = useLoad(`${channelId}|${merchantScope}|${archived}`, (signal) =>
    api.get<List<Group>>(channelPath(channelId, '/groups'), { merchantId: merchantScope, archived }, signal).then((l) => l.items),
  );
  const agents = useLoad(channelId, (signal) =>
    api.get<List<Agent>>(channelPath(channelId, '/agents'), undefined, signal).then((l) => l.items),
  );
  const calendars = useLoad(channelId, (signal) =>
    // Archived ones too, for their names; they are not offered.
    api.get<List<Calendar>>(channelPath(channelId, '/calendars'), { archived: 'include' }, signal).then((l) => l.items),
  );
  const liveCalendars = calendars.data?.filter((c) => !c.archivedAt);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const upsert = (g: Group) =>
    groups.setData((list) => (list?.some((x) => x.id === g.id) ? list.map((x) => (x.id === g.id ? g : x)) : [...(list ?? []), g]));
  const calendarName = (id: string | undefined) => (id ? (calendars.data?.find((c) => c.id === id)?.name ?? id) : t('none'));
  const current = groups.data?.find((g) => g.id === open);
  const sameScope = <T extends { merchantId?: string | undefined }>(items: T[] | undefined, g: Group) =>
    (items ?? []).filter((x) => (x.merchantId ?? '') === (g.merchantId ?? ''));

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <CreateBar
          label={t('create')}
          testId="group-create"
          onClick={() => {
            setCreating(true);
            setOpen(undefined);
          }}
        />
        <ArchivedFilterPicker value={archived} onChange={setArchived} />
      </div>
      {creating && (
        <NewGroupForm
          channelId={channelId}
          calendars={liveCalendars ?? []}
          defaultMerchant={merchantScope}
          onClose={() => setCreating(false)}
          onCreated={(g) => {
            upsert(g);
            setCreating(false);
            setOpen(g.id);
          }}
        />
      )}
      {current && (
        <GroupDetails
          key={current.id}
          group={current}
          agents={agents.data ?? []}
          groups={sameScope(groups.data, current)}
          calendars={sameScope(liveCalendars, current)}
          onChanged={upsert}
          onClose={() => setOpen(undefined)}
        />
      )}
      <LoadedTable
        state={groups}
        rowKey={(g) => g.id}
        selected={(g) => open === g.id}
        empty={t('empty')}
        columns={[
          {
            header: t('col_name'),
            cell: (g) => (
              <>
                {g.name}
                <ArchivedBadge archivedAt={g.archivedAt} />
              </>
            ),
          },
          isPlatform && { header: t('col_merchant'), cell: (g) => merchantName(g.merchantId) },
          { header: t('col_calendar'), cell: (g) => calendarName(g.calendarId) },
          {
            header: t('col_settings'),
            cell: (g) => (g.settings && Object.keys(g.settings).length > 0 ? <span className="badge blue">{t('custom')}</span> : t('none')),
          },
        ]}
        actions={(g) => (
          <>
            <button
              type="button"
              onClick={() => {
                setOpen(g.id);
                setCreating(false);
              }}
            >
              {t('manage')}
            </button>
            <ArchiveActions kind="group" id={g.id} name={g.name} archivedAt={g.archivedAt} onChanged={groups.reload} />
          </>
        )}
      />
    </div>
  );
}

export function GroupsScreen() {
  const t = useT(groupMessages);
  return (
    <MerchantScreen
      title={t('title')}
      body={(channelId, merchantScope) => <GroupsBody key={channelId} channelId={channelId} merchantScope={merchantScope} />}
    />
  );
}
