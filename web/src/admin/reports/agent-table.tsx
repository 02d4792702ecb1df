// The per-agent table: conversations held, first responses given, handling time and satisfaction.
import { useFormatters, useT } from '../../i18n/i18n';
import { DataTable } from '../data-table';
import { reportsMessages } from './messages';
import type { AgentRow } from './report-types';

export function AgentTable({ agents }: { agents: readonly AgentRow[] }) {
  const t = useT(reportsMessages);
  const f = useFormatters();
  const d = (ms: number | null) => (ms === null ? t('none') : f.duration(ms));
  return (
    <DataTable
      rows={agents}
      rowKey={(a) => a.agentId}
      rowData={(a) => ({ 'data-first-response-ms': String(a.firstResponseMs.avg ?? '') })}
      empty={t('no_agents')}
      columns={[
        { header: t('agent_name'), cell: (a) => a.name ?? t('none') },
        { header: t('conversations'), cell: (a) => f.number(a.conversations) },
        {
          header: `${t('first_response')} (${t('avg')} / ${t('p90')})`,
          cell: (a) => `${d(a.firstResponseMs.avg)} / ${d(a.firstResponseMs.p90)}`,
        },
        { header: `${t('handling')} (${t('avg')})`, cell: (a) => d(a.handlingMs.avg) },
        { header: t('csat'), cell: (a) => (a.csat.average === null ? t('none') : `${a.csat.average} (${f.number(a.csat.rated)})`) },
      ]}
    />
  );
}
