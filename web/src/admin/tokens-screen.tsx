// API tokens for integrations (platform admins): list, issue (the token is in the answer once: copy it
// now), revoke.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { List, TokenCreated, TokenView } from '../api/types';
import { defineMessages, useFormatters, useT } from '../i18n/i18n';
import { useAdmin } from './admin-context';
import { LoadedTable } from './data-table';
import { Screen } from './screen';
import { ConfirmButton, CopyButton, Field } from './ui';
import { EditForm, ErrorLine } from './form-parts';
import { useLoad, useSubmit } from './use-load';

const messages = defineMessages(
  {
    title: 'API 令牌',
    create: '签发令牌',
    empty: '还没有 API 令牌。令牌让其他系统（如订单系统）调用本服务的 REST API。',
    col_name: '名称',
    col_grant: '权限',
    col_created: '签发于',
    col_used: '最近使用',
    col_state: '状态',
    never: '从未',
    revoked: '已吊销',
    active: '有效',
    revoke: '吊销',
    revoke_q: '吊销令牌 {name}？使用它的系统将立即无法访问。',
    f_name: '名称',
    f_role: '权限',
    f_merchant: '商户',
    role_platform_admin: '平台管理员（全部权限）',
    role_merchant_admin: '商户管理员',
    role_supervisor: '主管（只看会话与报表，不改设置）',
    whole_channel: '整个渠道',
    issued: '令牌只显示这一次，请立即复制保存：',
    e_name: '请填写名称',
    e_merchant: '请选择商户',
  },
  {
    title: 'API tokens',
    create: 'Issue token',
    empty: 'No API tokens yet. Tokens let other systems (an order system, say) call this service’s REST API.',
    col_name: 'Name',
    col_grant: 'Grant',
    col_created: 'Issued',
    col_used: 'Last used',
    col_state: 'State',
    never: 'never',
    revoked: 'revoked',
    active: 'active',
    revoke: 'Revoke',
    revoke_q: 'Revoke token {name}? Systems using it lose access at once.',
    f_name: 'Name',
    f_role: 'Grant',
    f_merchant: 'Merchant',
    role_platform_admin: 'Platform admin (everything)',
    role_merchant_admin: 'Merchant admin',
    role_supervisor: 'Supervisor (conversations and reports, no settings)',
    whole_channel: 'The whole channel',
    issued: 'The token is shown only this once; copy it now:',
    e_name: 'Enter a name',
    e_merchant: 'Pick a merchant',
  },
);

function IssueForm({ onIssued, onClose }: { onIssued(t: TokenCreated): void; onClose(): void }) {
  const t = useT(messages);
  const { channelId, merchants } = useAdmin();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'platform_admin' | 'merchant_admin' | 'supervisor'>('platform_admin');
  const [merchantId, setMerchantId] = useState('');
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return submit.setError(t('e_name'));
    if (role === 'merchant_admin' && (!merchantId || !channelId)) return submit.setError(t('e_merchant'));
    if (role === 'supervisor' && !channelId) return submit.setError(t('e_merchant'));
    const grant =
      role === 'platform_admin'
        ? { role }
        : role === 'supervisor'
          ? { role, channelId, ...(merchantId && { merchantId }) }
          : { role, channelId, merchantId };
    void submit.run(async () => onIssued(await api.post<TokenCreated>('/api/v1/tokens', { name: name.trim(), grant })));
  };
  return (
    <EditForm title={t('create')} onSubmit={save} onClose={onClose} submit={submit} saveTestId="token-save" saveLabel={t('create')}>
      <div className="grid-form">
        <Field label={t('f_name')}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field label={t('f_role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="platform_admin">{t('role_platform_admin')}</option>
            <option value="merchant_admin">{t('role_merchant_admin')}</option>
            <option value="supervisor">{t('role_supervisor')}</option>
          </select>
        </Field>
        {role !== 'platform_admin' && (
          <Field label={t('f_merchant')}>
            <select name="merchantId" value={merchantId} onChange={(e) => setMerchantId(e.target.value)}>
              <option value="">{role === 'supervisor' ? t('whole_channel') : '—'}</option>
              {(merchants.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({channelId})
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
    </EditForm>
  );
}

export function TokensScreen() {
  const t = useT(messages);
  const f = useFormatters();
  const tokens = useLoad('tokens', (signal) => api.get<List<TokenView>>('/api/v1/tokens', undefined, signal).then((l) => l.items));
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<string | undefined>(undefined);
  const revoke = useSubmit();
  const grantText = (g: TokenView['grant']) => {
    if (g.role === 'platform_admin') return t('role_platform_admin');
    if (g.role === 'agent') return `agent · ${(g.agentIds ?? [g.agentId]).join(',')}`;
    const label = g.role === 'supervisor' ? t('role_supervisor') : t('role_merchant_admin');
    return `${label} · ${g.channelId ?? ''}/${g.merchantId ?? (g.role === 'supervisor' ? t('whole_channel') : '')}`;
  };
  return (
    <Screen
      title={t('title')}
      tools={
        <button
          type="button"
          className="primary"
          data-testid="token-create"
          onClick={() => {
            setIssuing(true);
            setIssued(undefined);
          }}
        >
          {t('create')}
        </button>
      }
    >
      {issuing && (
        <IssueForm
          onClose={() => setIssuing(false)}
          onIssued={(tok) => {
            setIssuing(false);
            setIssued(tok.token);
            tokens.reload();
          }}
        />
      )}
      {issued && (
        <div className="admin-push" role="status" data-testid="token-issued">
          <p className="notice">{t('issued')}</p>
          <div className="row">
            <span className="mono" style={{ flex: 1 }}>
              {issued}
            </span>
            <CopyButton value={issued} />
          </div>
        </div>
      )}
      <ErrorLine error={revoke.error} />
      <LoadedTable
        state={tokens}
        rowKey={(tok) => tok.id}
        empty={t('empty')}
        columns={[
          { header: t('col_name'), cell: (tok) => tok.name },
          { header: t('col_grant'), cell: (tok) => grantText(tok.grant) },
          { header: t('col_created'), cell: (tok) => f.dateTime(tok.createdAt), className: 'admin-nowrap' },
          { header: t('col_used'), cell: (tok) => (tok.lastUsedAt ? f.dateTime(tok.lastUsedAt) : t('never')), className: 'admin-nowrap' },
          {
            header: t('col_state'),
            cell: (tok) =>
              tok.revokedAt ? <span className="badge red">{t('revoked')}</span> : <span className="badge green">{t('active')}</span>,
          },
        ]}
        actions={(tok) =>
          !tok.revokedAt && (
            <ConfirmButton
              label={t('revoke')}
              question={t('revoke_q', { name: tok.name })}
              disabled={revoke.busy}
              onConfirm={() =>
                void revoke.run(async () => {
                  await api.delete(`/api/v1/tokens/${encodeURIComponent(tok.id)}`);
                  tokens.reload();
                })
              }
            />
          )
        }
      />
    </Screen>
  );
}
