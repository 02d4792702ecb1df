// Merchants of the channel (platform admins): create, rename or recode, and their admins' logins
// (POST /accounts with grant merchant_admin).
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { List, Merchant } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { LoginActions, NewLoginForm, useAccounts } from '../accounts';
import { channelPath, useAdmin } from '../admin-context';
import { LoadedTable } from '../data-table';
import { adminMessages } from '../messages';
import { ChannelScreen } from '../screen';
import { Field } from '../ui';
import { CreateBar, EditForm, ErrorLine } from '../form-parts';
import { ArchiveActions, ArchivedBadge, ArchivedFilterPicker, type ArchivedFilter } from '../archive/archive-controls';
import { useLoad, useSubmit } from '../use-load';
import { merchantMessages } from './messages';

function MerchantForm({
  channelId,
  merchant,
  onSaved,
  onClose,
}: {
  channelId: string;
  merchant: Merchant | undefined;
  onSaved(m: Merchant): void;
  onClose(): void;
}) {
  const t = useT(merchantMessages);
  const [code, setCode] = useState(merchant?.code ?? '');
  const [name, setName] = useState(merchant?.name ?? '');
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || code.trim().length > 64) return submit.setError(t('e_code'));
    if (!name.trim()) return submit.setError(t('e_name'));
    const body = { code: code.trim(), name: name.trim() };
    void submit.run(async () =>
      onSaved(
        merchant
          ? await api.patch<Merchant>(`/api/v1/merchants/${encodeURIComponent(merchant.id)}`, body)
          : await api.post<Merchant>(channelPath(channelId, '/merchants'), body),
      ),
    );
  };
  return (
    <EditForm
      title={merchant ? t('edit_title', { name: merchant.name }) : t('new_title')}
      onSubmit={save}
      onClose={onClose}
      submit={submit}
      saveTestId="merchant-save"
    >
      <div className="grid-form">
        <Field label={t('f_code')} hint={t('f_code_hint')}>
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} autoFocus autoComplete="off" />
        </Field>
        <Field label={t('f_name')}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>
    </EditForm>
  );
}

function MerchantsBody({ channelId }: { channelId: string }) {
  const t = useT(merchantMessages);
  const ta = useT(adminMessages);
  const { merchants } = useAdmin();
  const accounts = useAccounts();
  const [editing, setEditing] = useState<string | undefined>(undefined); // 'new' or a merchant id
  const [addingAdmin, setAddingAdmin] = useState<string | undefined>(undefined);
  // The console's merchants (pickers, names) are the ones in use; archived ones are loaded here on request.
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const listed = useLoad(archived === 'exclude' ? undefined : `${channelId}|${archived}`, (signal) =>
    api.get<List<Merchant>>(channelPath(channelId, '/merchants'), { archived }, signal).then((l) => l.items),
  );
  const shown = archived === 'exclude' ? merchants : listed;
  const reload = () => {
    merchants.reload();
    listed.reload();
  };
  const current = merchants.data?.find((m) => m.id === editing);
  const onSaved = (m: Merchant) => {
    merchants.setData((list) => (list?.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? m : x)) : [...(list ?? []), m]));
    setEditing(undefined);
  };
  const adminsOf = (m: Merchant) =>
    (accounts.data ?? []).filter(
      (a) => a.grant.role === 'merchant_admin' && a.grant.merchantId === m.id && a.grant.channelId === channelId,
    );

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <CreateBar label={t('create')} testId="merchant-create" onClick={() => setEditing('new')} />
        <ArchivedFilterPicker value={archived} onChange={setArchived} />
      </div>
      {editing && (editing === 'new' || current) && (
        <MerchantForm key={editing} channelId={channelId} merchant={current} onSaved={onSaved} onClose={() => setEditing(undefined)} />
      )}
      <ErrorLine error={accounts.error} />
      <LoadedTable
        state={shown}
        rowKey={(m) => m.id}
        empty={t('empty')}
        columns={[
          {
            header: t('col_name'),
            cell: (m) => (
              <>
                {m.name}
                <ArchivedBadge archivedAt={m.archivedAt} />
              </>
            ),
          },
          { header: t('col_code'), cell: (m) => m.code, className: 'mono' },
          {
            header: t('col_admins'),
            cell: (m) => (
              <div className="stack" style={{ gap: 8 }}>
                {adminsOf(m).length === 0 && <span className="admin-muted">{t('no_admins')}</span>}
                {adminsOf(m).map((a) => (
                  <div key={a.id} className="stack" style={{ gap: 4 }} data-account-id={a.id}>
                    <span className="mono">{a.username}</span>
                    <LoginActions account={a} onRemoved={accounts.reload} />
                  </div>
                ))}
                {addingAdmin === m.id ? (
                  <NewLoginForm
                    grant={{ role: 'merchant_admin', channelId, merchantId: m.id }}
                    onCreated={() => {
                      setAddingAdmin(undefined);
                      accounts.reload();
                    }}
                    onCancel={() => setAddingAdmin(undefined)}
                  />
                ) : (
                  <div>
                    <button type="button" data-testid="merchant-admin-create" onClick={() => setAddingAdmin(m.id)}>
                      {t('add_admin')}
                    </button>
                  </div>
                )}
              </div>
            ),
          },
        ]}
        actions={(m) => (
          <>
            <button type="button" onClick={() => setEditing(m.id)}>
              {ta('edit')}
            </button>
            <ArchiveActions kind="merchant" id={m.id} name={m.name} archivedAt={m.archivedAt} onChanged={reload} />
          </>
        )}
      />
    </div>
  );
}

export function MerchantsScreen() {
  const t = useT(merchantMessages);
  return <ChannelScreen title={t('title')}>{(channelId) => <MerchantsBody key={channelId} channelId={channelId} />}</ChannelScreen>;
}
