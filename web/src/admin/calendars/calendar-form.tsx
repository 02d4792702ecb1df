// A work calendar's editor (server/src/contract/team.ts calendarFields): time zone, workdays,
// up to four time segments for workdays and for non-workdays, holidays and make-up workdays.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Calendar } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { MerchantSelect, PLATFORM } from '../scope-pickers';
import { Field } from '../ui';
import { EditForm } from '../form-parts';
import { useSubmit } from '../use-load';
import { calendarMessages } from './messages';
import { minutesToText, textToMinutes } from './time-text';

interface SegmentRow {
  start: string;
  end: string;
}

const MAX_SEGMENTS = 4;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function Segments({
  label,
  hint,
  rows,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  rows: SegmentRow[];
  onChange(rows: SegmentRow[]): void;
  name: string;
}) {
  const t = useT(calendarMessages);
  const set = (i: number, patch: Partial<SegmentRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="admin-segments">
        {hint && <p className="hint">{hint}</p>}
        {rows.map((r, i) => (
          <div key={i} className="admin-segment" data-segment={i}>
            <span>{t('from')}</span>
            <input
              type="time"
              name={`${name}.${i}.start`}
              aria-label={`${label} ${i + 1} ${t('from')}`}
              value={r.start}
              onChange={(e) => set(i, { start: e.target.value })}
              required
            />
            <span>{t('to')}</span>
            <input
              type="time"
              name={`${name}.${i}.end`}
              aria-label={`${label} ${i + 1} ${t('to')}`}
              value={r.end}
              onChange={(e) => set(i, { end: e.target.value })}
              required
            />
            <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>
          </div>
        ))}
        <div className="row">
          <button
            type="button"
            onClick={() => onChange([...rows, { start: '09:00', end: '18:00' }])}
            disabled={rows.length >= MAX_SEGMENTS}
          >
            {t('add_segment')}
          </button>
          <span className="hint">{t('segments_hint')}</span>
        </div>
      </div>
    </fieldset>
  );
}

function Dates({
  label,
  hint,
  dates,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  dates: string[];
  onChange(d: string[]): void;
  name: string;
}) {
  const t = useT(calendarMessages);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const add = () => {
    if (!DATE.test(input)) return setProblem(t('e_date'));
    setProblem(undefined);
    if (!dates.includes(input)) onChange([...dates, input].sort());
    setInput('');
  };
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="stack" style={{ gap: 8 }}>
        {hint && <p className="hint">{hint}</p>}
        <div className="admin-dates">
          {dates.length === 0 && <span className="admin-muted">{t('no_dates')}</span>}
          {dates.map((d) => (
            <span key={d} className="admin-date" data-date={d}>
              {d}
              <button type="button" aria-label={`${t('remove')} ${d}`} onClick={() => onChange(dates.filter((x) => x !== d))}>
                ×
              </button>
            </span>
          ))}
        </div>
        <div className="row">
          <input
            type="date"
            name={name}
            aria-label={label}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            style={{ width: 180 }}
          />
          <button type="button" onClick={add} disabled={!input}>
            {t('add_date')}
          </button>
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </fieldset>
  );
}

const rowsOf = (segments: Calendar['workdaySegments'] | undefined): SegmentRow[] =>
  (segments ?? []).map((s) => ({ start: minutesToText(s.start), end: minutesToText(s.end) }));

export function CalendarForm({
  channelId,
  calendar,
  defaultMerchant,
  onSaved,
  onClose,
}: {
  channelId: string;
  calendar: Calendar | undefined;
  defaultMerchant: string;
  onSaved(c: Calendar): void;
  onClose(): void;
}) {
  const t = useT(calendarMessages);
  const { isPlatform } = useAdmin();
  const isNew = calendar === undefined;
  const [name, setName] = useState(calendar?.name ?? '');
  const [merchant, setMerchant] = useState(defaultMerchant || PLATFORM);
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai'));
  const [workdays, setWorkdays] = useState<number[]>(calendar?.workdays ?? [1, 2, 3, 4, 5]);
  const [workRows, setWorkRows] = useState<SegmentRow[]>(calendar ? rowsOf(calendar.workdaySegments) : [{ start: '09:00', end: '18:00' }]);
  const [offRows, setOffRows] = useState<SegmentRow[]>(rowsOf(calendar?.nonWorkdaySegments));
  const [holidays, setHolidays] = useState<string[]>(calendar?.holidays ?? []);
  const [makeUp, setMakeUp] = useState<string[]>(calendar?.makeUpWorkdays ?? []);
  const submit = useSubmit();

  const segmentsOf = (rows: SegmentRow[]) => {
    const out = [];
    for (const r of rows) {
      const start = textToMinutes(r.start, false);
      const end = textToMinutes(r.end, true);
      if (start === undefined || end === undefined || start === end) return undefined;
      out.push({ start, end });
    }
    return out;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return submit.setError(t('e_name'));
    if (!timeZone.trim()) return submit.setError(t('e_tz'));
    const workdaySegments = segmentsOf(workRows);
    const nonWorkdaySegments = segmentsOf(offRows);
    if (!workdaySegments || !nonWorkdaySegments) return submit.setError(t('e_segment'));
    const fields = {
      name: name.trim(),
      timeZone: timeZone.trim(),
      workdays: [...workdays].sort(),
      workdaySegments,
      nonWorkdaySegments,
      holidays,
      makeUpWorkdays: makeUp,
    };
    void submit.run(async () => {
      onSaved(
        isNew
          ? await api.post<Calendar>(channelPath(channelId, '/calendars'), {
              ...fields,
              ...(isPlatform && merchant !== PLATFORM && { merchantId: merchant }),
            })
          : await api.put<Calendar>(`/api/v1/calendars/${encodeURIComponent(calendar.id)}`, fields),
      );
    });
  };

  return (
    <EditForm
      title={isNew ? t('new_title') : t('edit_title', { name: calendar.name })}
      onSubmit={save}
      onClose={onClose}
      submit={submit}
      saveTestId="calendar-save"
    >
      <div className="grid-form">
        <Field label={t('f_name')}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        {isPlatform && isNew && (
          <Field label={t('f_merchant')}>
            <MerchantSelect value={merchant} onChange={setMerchant} />
          </Field>
        )}
        <Field label={t('f_tz')} hint={t('f_tz_hint')}>
          <input
            name="timeZone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            list="admin-time-zones"
            autoComplete="off"
          />
          <datalist id="admin-time-zones">
            {[
              'Asia/Shanghai',
              'Asia/Hong_Kong',
              'Asia/Taipei',
              'Asia/Singapore',
              'Asia/Tokyo',
              'Europe/London',
              'America/New_York',
              'UTC',
              '+08:00',
            ].map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
      </div>
      <fieldset>
        <legend>{t('f_workdays')}</legend>
        <div className="admin-weekdays">
          {WEEK_ORDER.map((d) => (
            <label key={d} className="inline">
              <input
                type="checkbox"
                name="workdays"
                value={d}
                checked={workdays.includes(d)}
                onChange={(e) => setWorkdays((w) => (e.target.checked ? [...w.filter((x) => x !== d), d] : w.filter((x) => x !== d)))}
              />
              {t(`weekday_${d}` as 'weekday_0')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="admin-split">
        <Segments label={t('f_workday_segments')} rows={workRows} onChange={setWorkRows} name="workdaySegments" />
        <Segments
          label={t('f_nonworkday_segments')}
          hint={t('f_nonworkday_hint')}
          rows={offRows}
          onChange={setOffRows}
          name="nonWorkdaySegments"
        />
        <Dates label={t('f_holidays')} dates={holidays} onChange={setHolidays} name="holiday" />
        <Dates label={t('f_makeup')} hint={t('f_makeup_hint')} dates={makeUp} onChange={setMakeUp} name="makeUpWorkday" />
      </div>
    </EditForm>
  );
}
