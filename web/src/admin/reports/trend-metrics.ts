// The figures the daily trend can chart, with their labels and number formats.
import { useFormatters, useT } from '../../i18n/i18n';
import { reportsMessages } from './messages';
import type { TrendMetric } from './trend-chart';

export function useTrendMetrics(): TrendMetric[] {
  const t = useT(reportsMessages);
  const f = useFormatters();
  const count = (n: number) => f.number(Math.round(n));
  const time = (ms: number) => f.duration(ms);
  return [
    { key: 'conversations', label: t('conversations'), value: (d) => d.conversations, format: count, integer: true },
    { key: 'by_person', label: t('by_person'), value: (d) => d.byPerson, format: count, integer: true },
    { key: 'first_response', label: `${t('first_response')} (${t('avg')})`, value: (d) => d.firstResponseMs.avg, format: time },
    { key: 'wait', label: `${t('wait')} (${t('avg')})`, value: (d) => d.waitMs.avg, format: time },
    { key: 'handling', label: `${t('handling')} (${t('avg')})`, value: (d) => d.handlingMs.avg, format: time },
    { key: 'csat', label: `${t('csat')} (${t('avg')})`, value: (d) => d.csat.average, format: (n) => n.toFixed(1) },
  ];
}
