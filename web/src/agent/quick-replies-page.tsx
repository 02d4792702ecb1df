// The quick replies page (/app/quick-replies): agents keep their own replies and read their team's;
// admins keep the team's (platform admins choose the channel and the merchant). CSV export and import
// (UTF-8 or GBK, as Excel writes it) as the knowledge base's.
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api, ApiError, fileToBase64 } from '../api/client';
import type { List, Merchant, QuickReply, QuickReplyImportAnswer } from '../api/types';
import { saveFile } from '../admin/save-file';
import { useT } from '../i18n/i18n';
import { usePrincipal } from '../session/session';
import { deskMessages } from './desk-messages';
import { type FormTarget, QuickReplyForm } from './quick-reply-form';
import { ChannelSwitch } from './channel-switch';
import { useChannel } from './use-channel';
import './desk.css';

type Scope = 'personal' | 'team';

/**
 * The page's channel is the inbox's (use-channel.ts): platform admins and agents of several channels pick
 * it (the choice is remembered and shared with the inbox), and every request here names it
 * (X-Kefu-Channel) so an agent of several channels acts as its agent of that channel, not its first one.
 * Platform admins pick the merchant too; everyone else has theirs.
 */
function usePlace(): { channelId?: string; merchantId?: string; picker: ReactNode } {
  const t = useT(deskMessages);
  const p = usePrincipal();
  const platform = p.role === 'platform_admin';
  const { channelId, channels, setChannelId } = useChannel();
  const [merchants, setMerchants] = useState<Merchant[]>([]);
  const [merchantId, setMerchantId] = useState('platform');
  useEffect(() => {
    if (platform && channelId)
      api.get<List<Merchant>>(`/api/v1/channels/${encodeURIComponent(channelId)}/merchants`).then(
        (r) => setMerchants(r.items),
        () => undefined,
      );
  }, [platform, channelId]);
  const channelPicker = (platform || channels.length > 1) && (
    <ChannelSwitch label={t('quick_channel')} channels={channels} channelId={channelId} onChange={setChannelId} />
  );
  const where = channelId !== undefined ? { channelId } : {};
  if (!platform) return { ...where, picker: channelPicker ? <div className="row">{channelPicker}</div> : null };
  const picker = (
    <div className="row">
      {channelPicker}
      <label>
        {t('quick_merchant')}{' '}
        <select name="merchant" value={merchantId} onChange={(e) => setMerchantId(e.target.value)}>
          <option value="platform">{t('quick_platform_team')}</option>
          {merchants.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
  return { ...where, merchantId, picker };
}

export function QuickRepliesPage() {
  const t = useT(deskMessages);
  const agent = usePrincipal().role === 'agent';
  const [scope, setScope] = useState<Scope>(agent ? 'personal' : 'team');
  const { channelId, merchantId, picker } = usePlace();
  const [items, setItems] = useState<QuickReply[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [form, setForm] = useState<FormTarget>();
  const editable = !agent || scope === 'personal';
  const base = channelId && `/api/v1/channels/${encodeURIComponent(channelId)}/quick-replies`;
  const query = { scope, ...(merchantId !== undefined && { merchantId }) };

  const load = useCallback(() => {
    if (!base) return;
    api.get<List<QuickReply>>(base, { scope, ...(merchantId !== undefined && { merchantId }) }).then(
      (r) => setItems(r.items),
      (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
    );
  }, [base, scope, merchantId]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const remove = (r: QuickReply) =>
    window.confirm(t('quick_delete_confirm', { title: r.title })) &&
    void run(async () => {
      await api.delete(`/api/v1/quick-replies/${encodeURIComponent(r.id)}`);
      load();
    });
  const exportCsv = () =>
    base &&
    void run(async () =>
      saveFile(new Blob([await api.get<string>(`${base}/export.csv`, query)], { type: 'text/csv' }), `quick-replies-${scope}.csv`),
    );
  const importCsv = (file: File | undefined) =>
    file &&
    base &&
    void run(async () => {
      const q = new URLSearchParams(query).toString();
      const r = await api.post<QuickReplyImportAnswer>(`${base}/import?${q}`, { data: await fileToBase64(file), encoding: 'base64' });
      setNotice(t('quick_imported', r));
      load();
    });

  return (
    <main className="quick-page" data-testid="quick-replies-page">
      <h1>{t('quick_replies')}</h1>
      {picker}
      {agent && (
        <div className="inbox-tabs" role="tablist">
          {(['personal', 'team'] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={scope === s}
              className={scope === s ? 'inbox-tab active' : 'inbox-tab'}
              data-testid={`quick-scope-${s}`}
              onClick={() => setScope(s)}
            >
              {t(s === 'personal' ? 'quick_scope_personal' : 'quick_scope_team')}
            </button>
          ))}
        </div>
      )}
      {!editable && <p className="hint">{t('quick_read_only')}</p>}
      <div className="row">
        {editable && channelId && (
          <button type="button" className="primary" data-testid="quick-add" onClick={() => setForm({ channelId, scope, merchantId })}>
            {t('quick_add')}
          </button>
        )}
        <button type="button" data-testid="quick-export" onClick={exportCsv}>
          {t('quick_export')}
        </button>
        {editable && (
          <label className="inbox-tool">
            {t('quick_import')}
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="quick-import"
              className="inbox-file"
              onChange={(e) => importCsv(e.target.files?.[0])}
            />
          </label>
        )}
      </div>
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {form && (
        <QuickReplyForm
          target={form}
          onDone={(saved) => {
            setForm(undefined);
            if (saved) load();
          }}
        />
      )}
      {items && items.length === 0 && <p className="hint">{t('quick_list_empty')}</p>}
      {items && items.length > 0 && (
        <table data-testid="quick-list">
          <thead>
            <tr>
              <th>{t('quick_title')}</th>
              <th>{t('quick_text')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{r.title}</td>
                <td className="quick-text">
                  {r.text}
                  {r.picture && ` [${t('quick_picture')}]`}
                  {r.card && ` [${t('quick_card')}]`}
                </td>
                <td>
                  {editable && channelId && (
                    <>
                      <button type="button" className="link" onClick={() => setForm({ channelId, scope, merchantId, reply: r })}>
                        {t('quick_edit')}
                      </button>
                      <button type="button" className="link danger" onClick={() => remove(r)}>
                        {t('quick_delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
