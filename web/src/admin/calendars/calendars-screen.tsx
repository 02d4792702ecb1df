// Work calendars of the channel (platform admins: filtered by merchant): list, create, edit.
import { useState } from 'react';
import { api } from '../../api/client';
import type { Calendar, List } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { LoadedTable } from '../data-table';
import { adminMessages } from '../messages';
import { useMerchantName } from '../scope-pickers';
import { MerchantScreen } from '../screen';
import { useLoad } from '../use-load';
import { CalendarForm } from './calendar-form';
import { calendarMessages } from './messages';
import { segmentText } from './time-text';
import { CreateBar } from '../form-parts';
import { ArchiveActions, ArchivedBadge, ArchivedFilterPicker, type ArchivedFilter } from '../archive/archive-controls';

function CalendarsBody({ channelId, merchantScope }: { channelId: string; merchantScope: string }) {
  const t = useT(calendarMessages);
  const ta = useT(adminMessages);
  const { isPlatform } = useAdmin();
  const merchantName = useMerchantName();
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const calendars = useLoad(`${channelId}|${merchantScope}|${archived}`, (signal) =>
    api.get<List<Calendar>>(channelPath(channelId, '/calendars'), { merchantId: merchantScope, archived }, signal).then((l) => l.items),
  );
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const current = calendars.data?.find((c) => c.id === editing);
  const onSaved = (c: Calendar) => {
    calendars.setData((list) => (list?.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...(list ?? []), c]));
    setEditing(undefined);
  };
  const days = (c: Calendar) =>
    [1, 2, 3, 4, 5, 6, 0]
      .filter((d) => c.workdays.includes(d))
      .map((d) => t(`weekday_${d}` as 'weekday_0'))
      .join(' ');
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <CreateBar label={t('create')} testId="calendar-create" onClick={() => setEditing('new')} />
        <ArchivedFilterPicker value={archived} onChange={setArchived} />
      </div>
      {editing && (editing === 'new' || current) && (
        <CalendarForm
          key={editing}
          channelId={channelId}
          calendar={current}
          defaultMerchant={merchantScope}
          onSaved={onSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
      <LoadedTable
        state={calendars}
        rowKey={(c) => c.id}
        empty={t('empty')}
        columns={[
          {
            header: t('col_name'),
            cell: (c) => (
              <>
                {c.name}
                <ArchivedBadge archivedAt={c.archivedAt} />
              </>
            ),
          },
          isPlatform && { header: t('col_merchant'), cell: (c) => merchantName(c.merchantId) },
          { header: t('col_workdays'), cell: (c) => days(c) },
          { header: t('col_hours'), cell: (c) => (c.workdaySegments.length === 0 ? '—' : c.workdaySegments.map(segmentText).join(', ')) },
          { header: t('col_tz'), cell: (c) => c.timeZone, className: 'mono' },
        ]}
        actions={(c) => (
          <>
            <button type="button" onClick={() => setEditing(c.id)}>
              {ta('edit')}
            </button>
            <ArchiveActions kind="calendar" id={c.id} name={c.name} archivedAt={c.archivedAt} onChanged={calendars.reload} />
          </>
        )}
      />
    </div>
  );
}

export function CalendarsScreen() {
  const t = useT(calendarMessages);
  return (
    <MerchantScreen
      title={t('title')}
      body={(channelId, merchantScope) => <CalendarsBody key={channelId} channelId={channelId} merchantScope={merchantScope} />}
    />
  );
}
