// Reports for a chosen date range of one channel (a merchant, a skill group, an agent): the figures as
// cards, the daily trend as a chart, the per-agent table, and the same as CSV. The days are the server's
// (the channel's time zone); the presets count back from today in the browser's calendar.
import { useState } from 'react';
import { api, apiUrl } from '../../api/client';
import type { Agent, Group, List } from '../../api/types';
import { useLang, useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { downloadCsv } from '../exports-screen';
import { ErrorLine } from '../form-parts';
import { MerchantPicker } from '../scope-pickers';
import { ChannelScreen } from '../screen';
import { LoadState } from '../ui';
import { errorText, useLoad } from '../use-load';
import { AgentTable } from './agent-table';
import { reportsMessages } from './messages';
import { ReportSummary } from './report-summary';
import type { RangeReport } from './report-types';
import { RangeFilters, type ReportRange } from './range-filters';
import { useTrendMetrics } from './trend-metrics';
import { TrendChart } from './trend-chart';
import './reports.css';

function ReportView({ report, csv }: { report: RangeReport; csv: (table: 'days' | 'agents') => void }) {
  const t = useT(reportsMessages);
  const metrics = useTrendMetrics();
  const [metricKey, setMetricKey] = useState(metrics[0]?.key ?? '');
  const metric = metrics.find((m) => m.key === metricKey) ?? metrics[0];
  const r = report.range;
  return (
    <div className="stack">
      <p className="hint" data-testid="report-range">
        {t('range_zone', { from: r.from, to: r.to, zone: r.timeZone })}
      </p>
      <ReportSummary figures={report.totals} />
      <div className="row">
        <h2>{t('trend')}</h2>
        <span className="spacer" />
        <label className="admin-picker">
          <span>{t('metric')}</span>
          <select name="metric" value={metric?.key} onChange={(e) => setMetricKey(e.target.value)}>
            {metrics.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {metric && <TrendChart days={report.days} metric={metric} />}
      <div className="row">
        <h2>{t('agents_table')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => csv('agents')} data-testid="report-csv-agents">
          {t('download_agents')}
        </button>
      </div>
      <AgentTable agents={report.agents} />
    </div>
  );
}

function ReportsBody({ channelId, merchantId }: { channelId: string; merchantId: string }) {
  const t = useT(reportsMessages);
  const { lang } = useLang();
  const [range, setRange] = useState<ReportRange | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [csvError, setCsvError] = useState<string | undefined>(undefined);
  const scope = { merchantId: merchantId || undefined };
  const groups = useLoad(`${channelId}|${merchantId}`, (signal) =>
    api.get<List<Group>>(channelPath(channelId, '/groups'), scope, signal).then((l) => l.items),
  );
  const agents = useLoad(`${channelId}|${merchantId}`, (signal) =>
    // Archived agents too: a report covers days when they still worked.
    api.get<List<Agent>>(channelPath(channelId, '/agents'), { ...scope, archived: 'include' }, signal).then((l) => l.items),
  );
  const query = range && {
    ...scope,
    from: range.from,
    to: range.to,
    groupId: range.groupId || undefined,
    agentId: range.agentId || undefined,
  };
  const report = useLoad(query && JSON.stringify([channelId, query]), (signal) =>
    api.get<RangeReport>(channelPath(channelId, '/reports'), query, signal),
  );
  const csv = async (table: 'days' | 'agents') => {
    if (!query) return;
    setBusy(true);
    setCsvError(undefined);
    try {
      await downloadCsv(apiUrl(channelPath(channelId, '/reports/export.csv'), { ...query, table, lang }), `report-${table}.csv`);
    } catch (err) {
      setCsvError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <RangeFilters groups={groups.data ?? []} agents={agents.data ?? []} onChange={setRange} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void csv('days')} disabled={!query || busy} data-testid="report-csv">
          {busy ? t('downloading') : t('download')}
        </button>
        <ErrorLine error={csvError} />
      </div>
      {query && <LoadState state={report}>{(r) => <ReportView report={r} csv={(table) => void csv(table)} />}</LoadState>}
    </div>
  );
}

export function ReportsScreen() {
  const t = useT(reportsMessages);
  const { isPlatform } = useAdmin();
  const [merchantId, setMerchantId] = useState('');
  return (
    <ChannelScreen
      testId="reports"
      title={t('title')}
      tools={isPlatform && <MerchantPicker value={merchantId} onChange={setMerchantId} allowAll />}
    >
      {(channelId) => <ReportsBody key={channelId} channelId={channelId} merchantId={isPlatform ? merchantId : ''} />}
    </ChannelScreen>
  );
}
