// 「Webhooks」: a channel's endpoints (merchant admins: their merchant's). Add one (its signing secret is
// shown once, with a copy button), send it a test event, read its delivery log, disable, enable, delete.
import { useState } from 'react';
import { api } from '../../api/client';
import type { List, Webhook } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { LoadedTable } from '../data-table';
import { CreateBar, ErrorLine } from '../form-parts';
import { ChannelScreen } from '../screen';
import { ConfirmButton, CopyButton } from '../ui';
import { useLoad, useSubmit } from '../use-load';
import { WebhookForm } from './webhook-form';
import { WebhookLogPanel } from './webhook-log';
import { eventKey, webhookMessages } from './webhook-messages';

export function WebhooksScreen() {
  const t = useT(webhookMessages);
  return (
    <ChannelScreen title={t('title')} testId="webhooks-screen">
      {(channelId) => <Webhooks channelId={channelId} />}
    </ChannelScreen>
  );
}

function Webhooks({ channelId }: { channelId: string }) {
  const t = useT(webhookMessages);
  const { merchants } = useAdmin();
  const list = useLoad(`webhooks|${channelId}`, (signal) =>
    api.get<List<Webhook>>(channelPath(channelId, '/webhooks'), undefined, signal).then((l) => l.items),
  );
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const [logOf, setLogOf] = useState<Webhook | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const act = useSubmit();
  const path = (w: Webhook, rest = '') => `/api/v1/webhooks/${encodeURIComponent(w.id)}${rest}`;
  const run = (action: () => Promise<void>) => void act.run(action).then(() => list.reload());
  const merchantName = (id?: string) => (id ? (merchants.data?.find((m) => m.id === id)?.name ?? id) : t('scope_all'));
  return (
    <>
      {!creating && <CreateBar label={t('create')} testId="webhook-create" onClick={() => (setCreating(true), setSecret(undefined))} />}
      {creating && (
        <WebhookForm
          channelId={channelId}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setSecret(c.secret);
            list.reload();
          }}
        />
      )}
      {secret && (
        <div className="admin-push" role="status" data-testid="webhook-secret">
          <p className="notice">{t('created')}</p>
          <div className="row">
            <span className="mono" style={{ flex: 1 }} data-testid="webhook-secret-value">
              {secret}
            </span>
            <CopyButton value={secret} />
          </div>
        </div>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="webhook-notice">
          {notice}
        </p>
      )}
      <ErrorLine error={act.error} />
      <LoadedTable
        state={list}
        rowKey={(w) => w.id}
        empty={t('empty')}
        selected={(w) => w.id === logOf?.id}
        columns={[
          { header: t('col_url'), cell: (w) => w.url, className: 'mono' },
          { header: t('col_events'), cell: (w) => w.events.map((e) => t(eventKey(e))).join('、') },
          { header: t('col_scope'), cell: (w) => merchantName(w.merchantId) },
          { header: t('col_secret'), cell: (w) => `••••${w.secretHint}`, className: 'mono admin-nowrap' },
          {
            header: t('col_state'),
            cell: (w) => <span className={`badge ${w.enabled ? 'green' : 'red'}`}>{w.enabled ? t('enabled') : t('disabled')}</span>,
          },
        ]}
        actions={(w) => (
          <span className="row">
            <button
              type="button"
              data-testid="webhook-test"
              disabled={act.busy || !w.enabled}
              onClick={() =>
                run(async () => {
                  await api.post(path(w, '/test'));
                  setNotice(t('test_sent'));
                })
              }
            >
              {t('test')}
            </button>
            <button type="button" data-testid="webhook-log-open" onClick={() => setLogOf(w)}>
              {t('log')}
            </button>
            <button
              type="button"
              data-testid="webhook-toggle"
              disabled={act.busy}
              onClick={() => run(async () => void (await api.patch(path(w), { enabled: !w.enabled })))}
            >
              {w.enabled ? t('disable') : t('enable')}
            </button>
            <ConfirmButton
              label={t('remove')}
              question={t('remove_q', { url: w.url })}
              disabled={act.busy}
              testId="webhook-delete"
              onConfirm={() =>
                run(async () => {
                  await api.delete(path(w));
                  if (logOf?.id === w.id) setLogOf(undefined);
                })
              }
            />
          </span>
        )}
      />
      {logOf && <WebhookLogPanel key={logOf.id} webhook={logOf} onClose={() => setLogOf(undefined)} />}
    </>
  );
}
