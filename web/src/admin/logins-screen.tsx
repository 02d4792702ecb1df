// Logins (/admin/logins): every login the admin manages, by role and scope, and the two the other screens
// cannot make: a supervisor's (a whole channel, or one merchant: sees and reassigns every conversation there,
// reads the reports, changes no settings) and an agent's login linked to agents in several channels (one per
// channel; the workbench then switches between them). Agents' and merchant admins' one-record logins are
// made on the agents and merchants screens.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Agent, AccountView, List } from '../api/types';
import { useT } from '../i18n/i18n';
import { loginsMessages as messages } from './logins-messages';
import { accountMessages, checkLogin, LoginActions, useAccounts } from './accounts';
import { channelPath, useAdmin } from './admin-context';
import { adminMessages } from './messages';
import { LoadedTable } from './data-table';
import { EditForm } from './form-parts';
import { Screen } from './screen';
import { Field } from './ui';
import { useLoad, useSubmit } from './use-load';

type Kind = 'supervisor' | 'agents';

function LoginFields({
  username,
  password,
  onUsername,
  onPassword,
}: Record<'username' | 'password', string> & Record<'onUsername' | 'onPassword', (v: string) => void>) {
  const ta = useT(accountMessages);
  return (
    <>
      <Field label={ta('username')}>
        <input name="username" value={username} onChange={(e) => onUsername(e.target.value)} autoComplete="off" autoFocus />
      </Field>
      <Field label={ta('password')}>
        <input name="password" type="password" value={password} onChange={(e) => onPassword(e.target.value)} autoComplete="new-password" />
      </Field>
    </>
  );
}

/** The agents of one channel, to pick the login's agent there (`linked`: the login's agents so far, one may be here). */
function AgentPick({
  channelId,
  name,
  value,
  linked,
  onChange,
}: {
  channelId: string;
  name: string;
  value: string | undefined;
  linked: readonly string[];
  onChange(id: string): void;
}) {
  const t = useT(messages);
  const agents = useLoad(`agents:${channelId}`, (signal) =>
    api.get<List<Agent>>(channelPath(channelId, '/agents'), undefined, signal).then((l) => l.items),
  );
  useEffect(() => {
    const here = agents.data?.find((a) => linked.includes(a.id));
    if (value === undefined && here) onChange(here.id);
  }, [agents.data, linked, value, onChange]);
  return (
    <Field label={t('f_agent_in', { channel: name })}>
      <select name={`agent-${channelId}`} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('none')}</option>
        {(agents.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A new login of `kind`, or (`account`) the agents an existing agent login is linked to. */
function NewLogin({ kind, account, onDone, onClose }: { kind: Kind; account?: AccountView; onDone(): void; onClose(): void }) {
  const t = useT(messages);
  const ta = useT(accountMessages);
  const tadmin = useT(adminMessages);
  const { isPlatform, principal, channelId, channels, merchants } = useAdmin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [merchantId, setMerchantId] = useState(isPlatform ? '' : (principal.merchantId ?? ''));
  const [picked, setPicked] = useState<Record<string, string>>({});
  const linked = useMemo(
    () => (account?.grant.role === 'agent' ? (account.grant.agentIds ?? [account.grant.agentId ?? '']) : []),
    [account],
  );
  const submit = useSubmit();
  const shown = isPlatform ? (channels.data ?? []) : (channels.data ?? []).filter((c) => c.id === channelId);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const problem = account ? undefined : checkLogin(username, password, ta);
    if (problem) return submit.setError(problem);
    const agentIds = shown.map((c) => picked[c.id]).filter((id): id is string => !!id);
    if (kind === 'agents' && agentIds.length === 0) return submit.setError(t('e_agents'));
    const grant =
      kind === 'supervisor'
        ? { role: 'supervisor' as const, channelId: channelId ?? '', ...(merchantId && { merchantId }) }
        : { role: 'agent' as const, agentId: agentIds[0] as string, ...(agentIds.length > 1 && { agentIds }) };
    void submit.run(async () => {
      if (account) await api.put<AccountView>(`/api/v1/accounts/${encodeURIComponent(account.id)}/grant`, { grant });
      else await api.post<AccountView>('/api/v1/accounts', { username: username.trim(), password, grant });
      onDone();
    });
  };
  return (
    <EditForm
      title={account ? t('link_title', { username: account.username }) : t(kind === 'supervisor' ? 'add_supervisor' : 'add_multi_agent')}
      onSubmit={save}
      onClose={onClose}
      submit={submit}
      saveTestId="login-save"
      saveLabel={account ? tadmin('save') : ta('create')}
    >
      <p className="hint">{t(kind === 'supervisor' ? 'supervisor_hint' : 'multi_hint')}</p>
      <div className="grid-form">
        {!account && <LoginFields username={username} password={password} onUsername={setUsername} onPassword={setPassword} />}
        {kind === 'supervisor' && (
          <Field label={t('f_merchant')}>
            <select name="merchantId" value={merchantId} onChange={(e) => setMerchantId(e.target.value)} disabled={!isPlatform}>
              {isPlatform && <option value="">{t('whole_channel')}</option>}
              {(merchants.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {kind === 'agents' &&
          shown.map((c) => (
            <AgentPick
              key={c.id}
              channelId={c.id}
              name={c.name}
              value={picked[c.id]}
              linked={linked}
              onChange={(id) => setPicked((p) => ({ ...p, [c.id]: id }))}
            />
          ))}
      </div>
    </EditForm>
  );
}

/** Agents' names by id across the channels the admin sees, so a login's agents read as names. */
function useAgentNames(): Map<string, string> {
  const { channels } = useAdmin();
  const ids = (channels.data ?? []).map((c) => c.id);
  const names = useLoad(ids.length > 0 ? `agent-names:${ids.join(',')}` : undefined, async (signal) => {
    const lists = await Promise.all(ids.map((id) => api.get<List<Agent>>(channelPath(id, '/agents'), undefined, signal)));
    return new Map(lists.flatMap((l) => l.items.map((a) => [a.id, `${a.name} (${a.channelId})`] as const)));
  });
  return names.data ?? new Map();
}

export function LoginsScreen() {
  const t = useT(messages);
  const accounts = useAccounts();
  const agentNames = useAgentNames();
  const { merchants } = useAdmin();
  const [adding, setAdding] = useState<Kind>();
  const [linking, setLinking] = useState<AccountView>();
  const done = () => {
    setAdding(undefined);
    setLinking(undefined);
    accounts.reload();
  };
  const scope = (a: AccountView) => {
    const g = a.grant;
    if (g.role === 'agent') return (g.agentIds ?? [g.agentId ?? '']).map((id) => agentNames.get(id) ?? id).join(', ');
    if (g.role === 'platform_admin') return '*';
    const merchant = merchants.data?.find((m) => m.id === g.merchantId)?.name ?? g.merchantId;
    return `${g.channelId ?? ''} / ${merchant ?? (g.role === 'supervisor' ? t('whole_channel') : '')}`;
  };
  return (
    <Screen
      title={t('title')}
      testId="logins-screen"
      tools={
        <>
          <button
            type="button"
            className="primary"
            data-testid="add-supervisor"
            onClick={() => {
              setLinking(undefined);
              setAdding('supervisor');
            }}
          >
            {t('add_supervisor')}
          </button>
          <button
            type="button"
            data-testid="add-multi-agent"
            onClick={() => {
              setLinking(undefined);
              setAdding('agents');
            }}
          >
            {t('add_multi_agent')}
          </button>
        </>
      }
    >
      {adding && !linking && <NewLogin key={adding} kind={adding} onClose={() => setAdding(undefined)} onDone={done} />}
      {linking && <NewLogin key={linking.id} kind="agents" account={linking} onClose={() => setLinking(undefined)} onDone={done} />}
      <LoadedTable
        state={accounts}
        rowKey={(a) => a.id}
        empty={t('empty')}
        columns={[
          { header: t('col_username'), cell: (a) => a.username },
          { header: t('col_role'), cell: (a) => t(`role_${a.grant.role}`) },
          { header: t('col_scope'), cell: scope },
        ]}
        actions={(a) => (
          <div className="row">
            {a.grant.role === 'agent' && (
              <button type="button" data-testid={`link-agents-${a.username}`} onClick={() => setLinking(a)}>
                {t('link_agents')}
              </button>
            )}
            <LoginActions account={a} onRemoved={accounts.reload} />
          </div>
        )}
      />
    </Screen>
  );
}
