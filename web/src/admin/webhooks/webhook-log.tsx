// An endpoint's delivery log: every attempt, newest first, with its HTTP status, latency and error.
import { api } from '../../api/client';
import type { Webhook, WebhookLog as Log } from '../../api/types';
import { useFormatters, useT } from '../../i18n/i18n';
import { LoadedTable } from '../data-table';
import { SectionTitle } from '../form-parts';
import { useLoad } from '../use-load';
import { eventKey, webhookMessages } from './webhook-messages';

type Attempt = Log['attempts'][number];

const OUTCOME_BADGE = { delivered: 'green', retry: 'blue', failed: 'red' } as const;

export function WebhookLogPanel({ webhook, onClose }: { webhook: Webhook; onClose(): void }) {
  const t = useT(webhookMessages);
  const f = useFormatters();
  const log = useLoad(`log|${webhook.id}`, (signal) =>
    api
      .get<Log>(`/api/v1/webhooks/${encodeURIComponent(webhook.id)}/deliveries`, { limit: 100 }, signal)
      .then((l): Attempt[] => l.attempts),
  );
  return (
    <div className="card" data-testid="webhook-log">
      <SectionTitle title={t('log_title', { url: webhook.url })} onClose={onClose} />
      <div className="row">
        <button type="button" onClick={log.reload} data-testid="webhook-log-refresh">
          {t('refresh')}
        </button>
      </div>
      <LoadedTable
        state={log}
        rowKey={(a) => a.id}
        empty={t('log_empty')}
        rowData={(a) => ({ 'data-outcome': a.outcome, 'data-type': a.type })}
        columns={[
          { header: t('col_time'), cell: (a) => f.dateTime(a.at), className: 'admin-nowrap' },
          { header: t('col_event'), cell: (a) => <span title={a.eventId}>{t(eventKey(a.type))}</span> },
          { header: t('col_attempt'), cell: (a) => a.attempt },
          { header: t('col_status'), cell: (a) => a.statusCode ?? '—', className: 'mono' },
          { header: t('col_latency'), cell: (a) => `${a.latencyMs} ms`, className: 'admin-nowrap' },
          {
            header: t('col_outcome'),
            cell: (a) => <span className={`badge ${OUTCOME_BADGE[a.outcome]}`}>{t(`outcome_${a.outcome}`)}</span>,
          },
          { header: t('col_error'), cell: (a) => a.error ?? '' },
        ]}
      />
    </div>
  );
}
