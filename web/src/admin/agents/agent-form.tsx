// Creating an agent (and its login: POST /channels/:id/agents, then POST /accounts with grant agent —
// the login points at the agent record) or editing one (PATCH /agents/:id).
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Agent, Group } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { accountMessages, checkLogin } from '../accounts';
import { channelPath, useAdmin } from '../admin-context';
import { MerchantSelect, PLATFORM } from '../scope-pickers';
import { Field } from '../ui';
import { EditForm } from '../form-parts';
import { errorText, useSubmit } from '../use-load';
import { agentMessages } from './messages';

export function AgentForm({
  channelId,
  agent,
  groups,
  defaultMerchant,
  onSaved,
  onClose,
}: {
  channelId: string;
  agent: Agent | undefined;
  groups: Group[];
  /** '' or 'platform' = the platform's team; else a merchant id. */
  defaultMerchant: string;
  onSaved(agent: Agent, note?: { text: string; warn: boolean }): void;
  onClose(): void;
}) {
  const t = useT(agentMessages);
  const tl = useT(accountMessages);
  const { isPlatform } = useAdmin();
  const isNew = agent === undefined;
  const [name, setName] = useState(agent?.name ?? '');
  const [merchant, setMerchant] = useState(agent ? (agent.merchantId ?? PLATFORM) : defaultMerchant || PLATFORM);
  const [capacity, setCapacity] = useState(String(agent?.maxConcurrent ?? 5));
  const [groupIds, setGroupIds] = useState<string[]>(agent?.groupIds ?? []);
  const [openid, setOpenid] = useState(agent?.wechatOpenid ?? '');
  const [colleagues, setColleagues] = useState(agent?.canActOnColleagues === true);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const merchantId = isNew ? (isPlatform ? (merchant === PLATFORM ? undefined : merchant) : undefined) : agent.merchantId;
  // A group never holds an agent of another merchant: offer only the groups of the agent's merchant.
  const offered = groups.filter((g) =>
    isPlatform ? (g.merchantId ?? PLATFORM) === (isNew ? merchant : (agent.merchantId ?? PLATFORM)) : true,
  );

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return submit.setError(t('e_name'));
    const max = Number(capacity);
    if (!Number.isInteger(max) || max < 1 || max > 100) return submit.setError(t('e_capacity'));
    const wantsLogin = isNew && (username !== '' || password !== '');
    if (wantsLogin) {
      const problem = checkLogin(username, password, tl);
      if (problem) return submit.setError(problem);
    }
    const ids = groupIds.filter((id) => offered.some((g) => g.id === id));
    void submit.run(async () => {
      if (!isNew) {
        const saved = await api.patch<Agent>(`/api/v1/agents/${encodeURIComponent(agent.id)}`, {
          name: name.trim(),
          maxConcurrent: max,
          groupIds: ids,
          wechatOpenid: openid.trim() || null,
          canActOnColleagues: colleagues,
        });
        onSaved(saved);
        return;
      }
      const created = await api.post<Agent>(channelPath(channelId, '/agents'), {
        name: name.trim(),
        maxConcurrent: max,
        groupIds: ids,
        ...(merchantId !== undefined && { merchantId }),
        ...(openid.trim() && { wechatOpenid: openid.trim() }),
        ...(colleagues && { canActOnColleagues: true }),
      });
      let note: { text: string; warn: boolean } | undefined;
      if (wantsLogin) {
        try {
          await api.post('/api/v1/accounts', { username: username.trim(), password, grant: { role: 'agent', agentId: created.id } });
        } catch (err) {
          note = { text: t('created_no_login', { message: errorText(err) }), warn: true };
        }
      }
      onSaved(created, note ?? { text: t('created', { name: created.name }), warn: false });
    });
  };

  const toggle = (id: string, on: boolean) =>
    setGroupIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  return (
    <EditForm
      title={isNew ? t('new_title') : t('edit_title', { name: agent.name })}
      onSubmit={save}
      onClose={onClose}
      submit={submit}
      saveTestId="agent-save"
    >
      <div className="grid-form">
        <Field label={t('f_name')}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </Field>
        {isPlatform && isNew && (
          <Field label={t('f_merchant')}>
            <MerchantSelect value={merchant} onChange={setMerchant} />
          </Field>
        )}
        <Field label={t('f_capacity')} hint={t('f_capacity_hint')}>
          <input name="maxConcurrent" type="number" min={1} max={100} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </Field>
        <Field label={t('f_openid')} hint={t('f_openid_hint')}>
          <input name="wechatOpenid" value={openid} onChange={(e) => setOpenid(e.target.value)} autoComplete="off" />
        </Field>
        <Field label={t('f_colleagues')} hint={t('f_colleagues_hint')}>
          <input
            name="canActOnColleagues"
            type="checkbox"
            checked={colleagues}
            onChange={(e) => setColleagues(e.target.checked)}
            data-testid="agent-can-act-on-colleagues"
          />
        </Field>
      </div>
      <fieldset>
        <legend>{t('f_groups')}</legend>
        {offered.length === 0 ? (
          <p className="hint">{t('f_no_groups')}</p>
        ) : (
          <div className="admin-weekdays">
            {offered.map((g) => (
              <label key={g.id} className="inline">
                <input
                  type="checkbox"
                  name="groupIds"
                  value={g.id}
                  checked={groupIds.includes(g.id)}
                  onChange={(e) => toggle(g.id, e.target.checked)}
                />
                {g.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {isNew && (
        <fieldset>
          <legend>{t('f_login')}</legend>
          <p className="hint">{t('f_login_hint')}</p>
          <div className="grid-form">
            <Field label={tl('username')}>
              <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
            </Field>
            <Field label={tl('password')}>
              <input
                name="password"
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
              />
            </Field>
          </div>
        </fieldset>
      )}
    </EditForm>
  );
}
