// The report's inputs: a date range (from/to, both included; presets today, 7 and 30 days counted back
// from the browser's today), a skill group and an agent. Tells the screen each valid choice at once.
import { useEffect, useState } from 'react';
import type { Agent, Group } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { archiveMessages } from '../archive/messages';
import { reportsMessages } from './messages';

export interface ReportRange {
  from: string;
  to: string;
  groupId: string;
  agentId: string;
}

const DAY = 86_400_000;
/** As the server allows (core/reports/range-report.ts MAX_REPORT_DAYS). */
const MAX_DAYS = 366;
/** The browser's calendar date `daysBack` days before today, YYYY-MM-DD. */
const dateBack = (daysBack: number) => new Intl.DateTimeFormat('en-CA').format(Date.now() - daysBack * DAY);
const PRESETS = [
  { key: 'preset_today', days: 1 },
  { key: 'preset_7', days: 7 },
  { key: 'preset_30', days: 30 },
] as const;

export function RangeFilters({
  groups,
  agents,
  onChange,
}: {
  groups: readonly Group[];
  agents: readonly Agent[];
  onChange(r: ReportRange | undefined): void;
}) {
  const t = useT(reportsMessages);
  const archived = useT(archiveMessages);
  const [from, setFrom] = useState(() => dateBack(6));
  const [to, setTo] = useState(() => dateBack(0));
  const [groupId, setGroupId] = useState('');
  const [agentId, setAgentId] = useState('');
  const span = from && to ? (Date.parse(to) - Date.parse(from)) / DAY + 1 : 0;
  const valid = span >= 1 && span <= MAX_DAYS;
  useEffect(() => onChange(valid ? { from, to, groupId, agentId } : undefined), [valid, from, to, groupId, agentId, onChange]);
  return (
    <div className="stack">
      <div className="row report-filters">
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            data-preset={p.days}
            className={from === dateBack(p.days - 1) && to === dateBack(0) ? 'active' : undefined}
            onClick={() => {
              setFrom(dateBack(p.days - 1));
              setTo(dateBack(0));
            }}
          >
            {t(p.key)}
          </button>
        ))}
        <label>
          <span>{t('from')}</span>
          <input type="date" name="from" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <span>{t('to')}</span>
          <input type="date" name="to" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          <span>{t('group')}</span>
          <select name="groupId" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t('all')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('agent')}</span>
          <select name="agentId" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">{t('all')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.archivedAt === undefined ? a.name : `${a.name} (${archived('archived_badge')})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!valid && (
        <p className="error" role="alert">
          {span > MAX_DAYS ? t('e_too_long', { max: MAX_DAYS }) : t('e_range')}
        </p>
      )}
    </div>
  );
}
