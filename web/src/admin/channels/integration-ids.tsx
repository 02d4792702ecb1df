// Every id an integrator writes into the kit, the session-from or the knowledge base, each with a copy
// button: the channel's id and AppID, merchants' customerCode (platform_action), skill groups' ids
// (transfer_action, flowGroupId) and agents' ids. Loaded from the channel's setup route.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { CopyButton } from '../ui';
import { setupMessages } from './setup-messages';
import type { ChannelSetupAnswer } from './use-channel-setup';

function IdCell({ value }: { value: string }) {
  return (
    <span className="row">
      <code data-value={value}>{value}</code>
      <CopyButton value={value} />
    </span>
  );
}

function IdTable({ title, head, rows, testId }: { title: string; head: string[]; rows: ReactNode[][]; testId: string }) {
  const t = useT(setupMessages);
  return (
    <div data-testid={testId}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="hint">{t('ids_none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt whole from one answer
                <tr key={i}>
                  {cells.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function IntegrationIds({ setup }: { setup: ChannelSetupAnswer }) {
  const t = useT(setupMessages);
  const merchant = (code: string | null) => code ?? t('ids_platform');
  return (
    <section className="admin-push" data-testid="integration-ids" aria-label={t('ids_title')}>
      <h3>{t('ids_title')}</h3>
      <dl>
        <dt>{t('ids_channel')}</dt>
        <dd>
          <IdCell value={setup.channelId} />
        </dd>
        <dd />
        <dt>{t('ids_appid')}</dt>
        <dd>
          <IdCell value={setup.appId} />
        </dd>
        <dd />
      </dl>
      <IdTable
        title={t('ids_merchants')}
        testId="ids-merchants"
        head={[t('col_name'), t('col_code'), t('col_id')]}
        rows={setup.merchants.map((m) => [m.name, <IdCell key="c" value={m.code} />, <IdCell key="i" value={m.id} />])}
      />
      <IdTable
        title={t('ids_groups')}
        testId="ids-groups"
        head={[t('col_name'), t('col_merchant'), t('col_id')]}
        rows={setup.groups.map((g) => [g.name, merchant(g.merchantCode), <IdCell key="i" value={g.id} />])}
      />
      <IdTable
        title={t('ids_agents')}
        testId="ids-agents"
        head={[t('col_name'), t('col_merchant'), t('col_id')]}
        rows={setup.agents.map((a) => [a.name, merchant(a.merchantCode), <IdCell key="i" value={a.id} />])}
      />
    </section>
  );
}
