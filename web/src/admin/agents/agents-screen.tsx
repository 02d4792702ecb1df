// Agents of the channel (platform admins: filtered by merchant) with their live status (agent_changed
// notices), capacity, groups and login; create, edit, set status, reset password, add or remove login.
import { useState } from 'react';
import { api } from '../../api/client';
import type { Agent, AgentStatus, Group, List } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { useNotices } from '../../live/live';
import { accountMessages, LoginActions, NewLoginForm, useAccounts } from '../accounts';
import { channelPath, useAdmin } from '../admin-context';
import { adminMessages } from '../messages';
import { useMerchantName } from '../scope-pickers';
import { MerchantScreen } from '../screen';
import { LoadedTable } from '../data-table';
import { useLoad, useSubmit } from '../use-load';
import { AgentForm } from './agent-form';
import { agentMessages } from './messages';
import { CreateBar, ErrorLine } from '../form-parts';
import { ArchiveActions, ArchivedBadge, ArchivedFilterPicker, type ArchivedFilter } from '../archive/archive-controls';

const STATUSES: AgentStatus[] = ['online', 'busy', 'invisible', 'offline'];
const BADGE: Record<AgentStatus, string> = { online: 'badge green', busy: 'badge red', invisible: 'badge blue', offline: 'badge' };

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | undefined;

function AgentsBody({ channelId, merchantScope }: { channelId: string; merchantScope: string }) {
  const t = useT(agentMessages);
  const tl = useT(accountMessages);
  const ta = useT(adminMessages);
  const { isPlatform } = useAdmin();
  const merchantName = useMerchantName();
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const agents = useLoad(`${channelId}|${merchantScope}|${archived}`, (signal) =>
    api.get<List<Agent>>(channelPath(channelId, '/agents'), { merchantId: merchantScope, archived }, signal).then((l) => l.items),
  );
  const groups = useLoad(channelId, (signal) =>
    api.get<List<Group>>(channelPath(channelId, '/groups'), undefined, signal).then((l) => l.items),
  );
  const accounts = useAccounts();
  const [editing, setEditing] = useState<Editing>(undefined);
  const [addingLogin, setAddingLogin] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<{ text: string; warn: boolean } | undefined>(undefined);
  const status = useSubmit();

  useNotices((n) => {
    if (n.type === 'ready') agents.reload();
    if (n.type !== 'agent_changed' || n.channelId !== channelId) return;
    agents.setData((list) => list?.map((a) => (a.id === n.agentId ? { ...a, status: n.status as AgentStatus } : a)));
  });

  const loginOf = (agentId: string) =>
    accounts.data?.find((a) => a.grant.role === 'agent' && (a.grant.agentIds ?? [a.grant.agentId]).includes(agentId));
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? id;
  const setStatus = (a: Agent, next: AgentStatus) =>
    void status.run(async () => {
      await api.put(`/api/v1/agents/${encodeURIComponent(a.id)}/status`, { status: next });
      agents.setData((list) => list?.map((x) => (x.id === a.id ? { ...x, status: next } : x)));
    });
  const onSaved = (saved: Agent, message?: { text: string; warn: boolean }) => {
    agents.setData((list) =>
      list?.some((a) => a.id === saved.id) ? list.map((a) => (a.id === saved.id ? saved : a)) : [...(list ?? []), saved],
    );
    accounts.reload();
    setEditing(undefined);
    setNote(message);
  };
  const current = editing?.kind === 'edit' ? agents.data?.find((a) => a.id === editing.id) : undefined;
  const loginCell = (a: Agent) => {
    const login = loginOf(a.id);
    if (login) {
      return (
        <div className="stack" style={{ gap: 6 }}>
          <span className="mono">{login.username}</span>
          <LoginActions account={login} onRemoved={accounts.reload} />
        </div>
      );
    }
    if (addingLogin === a.id)
      return (
        <NewLoginForm
          grant={{ role: 'agent', agentId: a.id }}
          onCreated={() => {
            setAddingLogin(undefined);
            accounts.reload();
          }}
          onCancel={() => setAddingLogin(undefined)}
        />
      );
    return (
      <div className="row">
        <span className="admin-muted">{tl('no_login')}</span>
        <button type="button" onClick={() => setAddingLogin(a.id)}>
          {tl('add_login')}
        </button>
      </div>
    );
  };

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <CreateBar
          label={t('create')}
          testId="agent-create"
          onClick={() => {
            setEditing({ kind: 'new' });
            setNote(undefined);
          }}
        />
        <ArchivedFilterPicker value={archived} onChange={setArchived} />
      </div>
      {editing && (editing.kind === 'new' || current) && (
        <AgentForm
          key={editing.kind === 'edit' ? editing.id : 'new'}
          channelId={channelId}
          agent={current}
          groups={groups.data ?? []}
          defaultMerchant={merchantScope}
          onSaved={onSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
      {note && (
        <p className={note.warn ? 'notice' : 'success'} role="status">
          {note.text}
        </p>
      )}
      <ErrorLine error={status.error} />
      <ErrorLine error={accounts.error} />
      <LoadedTable
        state={agents}
        rowKey={(a) => a.id}
        rowData={(a) => ({ 'data-status': a.status })}
        empty={t('empty')}
        columns={[
          {
            header: t('col_name'),
            cell: (a) => (
              <>
                <div>
                  {a.name}
                  <ArchivedBadge archivedAt={a.archivedAt} />
                </div>
                {a.wechatOpenid && (
                  <div className="hint mono" title={t('col_openid')}>
                    {a.wechatOpenid}
                  </div>
                )}
              </>
            ),
          },
          isPlatform && { header: t('col_merchant'), cell: (a) => merchantName(a.merchantId) },
          {
            header: t('col_status'),
            cell: (a) => (
              <div className="row">
                <span className={BADGE[a.status]}>{t(`status_${a.status}`)}</span>
                {/* An archived agent stays offline until unarchived. */}
                {!a.archivedAt && (
                  <select
                    aria-label={t('set_status')}
                    name="status"
                    value={a.status}
                    onChange={(e) => setStatus(a, e.target.value as AgentStatus)}
                    style={{ width: 'auto' }}
                  >
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`status_${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            ),
          },
          { header: t('col_capacity'), cell: (a) => a.maxConcurrent },
          {
            header: t('col_groups'),
            cell: (a) =>
              a.groupIds.length === 0 ? (
                <span className="admin-muted">—</span>
              ) : (
                a.groupIds.map((g) => (
                  <span key={g} className="badge" style={{ marginRight: 4 }}>
                    {groupName(g)}
                  </span>
                ))
              ),
          },
          { header: t('col_login'), cell: (a) => loginCell(a) },
        ]}
        actions={(a) => (
          <>
            <button
              type="button"
              onClick={() => {
                setEditing({ kind: 'edit', id: a.id });
                setNote(undefined);
              }}
            >
              {ta('edit')}
            </button>
            <ArchiveActions kind="agent" id={a.id} name={a.name} archivedAt={a.archivedAt} onChanged={agents.reload} />
          </>
        )}
      />
    </div>
  );
}

export function AgentsScreen() {
  const t = useT(agentMessages);
  return (
    <MerchantScreen
      title={t('title')}
      body={(channelId, merchantScope) => <AgentsBody key={channelId} channelId={channelId} merchantScope={merchantScope} />}
    />
  );
}
