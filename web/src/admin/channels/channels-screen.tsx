// The channels list (name, id, kind, encryption, format, which secrets are set) with create, edit and
// delete for platform admins; merchant admins see their own channel, read-only.
import { useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import type { Channel } from '../../api/types';
import { channelPath, useAdmin } from '../admin-context';
import { Screen } from '../screen';
import { ConfirmButton, Empty, LoadState } from '../ui';
import { useSubmit } from '../use-load';
import { adminMessages } from '../messages';
import { ChannelForm } from './channel-form';
import { channelMessages } from './messages';

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | undefined;

function SecretBadge({ label, set }: { label: string; set: boolean }) {
  const t = useT(channelMessages);
  return <span className={set ? 'badge green' : 'badge'}>{label} {set ? t('set') : t('unset')}</span>;
}

export function ChannelsScreen() {
  const t = useT(channelMessages);
  const ta = useT(adminMessages);
  const { channels, isPlatform } = useAdmin();
  const [editing, setEditing] = useState<Editing>(undefined);
  const remove = useSubmit();
  const items = channels.data ?? [];
  const current = editing?.kind === 'edit' ? items.find((c) => c.id === editing.id) : undefined;

  const onSaved = (saved: Channel) => {
    channels.setData((list) => {
      const rest = (list ?? []).filter((c) => c.id !== saved.id);
      return [...rest, saved].sort((a, b) => a.id.localeCompare(b.id));
    });
  };

  const del = (id: string) =>
    void remove.run(async () => {
      await api.delete(channelPath(id));
      channels.setData((list) => list?.filter((c) => c.id !== id));
      if (editing?.kind === 'edit' && editing.id === id) setEditing(undefined);
    });

  return (
    <Screen
      title={t('title')}
      tools={isPlatform && (
        <button type="button" className="primary" data-testid="channel-create" onClick={() => setEditing({ kind: 'new' })}>
          {t('create')}
        </button>
      )}
    >
      {editing && (
        <ChannelForm
          key={editing.kind === 'edit' ? editing.id : 'new'}
          channel={editing.kind === 'edit' ? current : undefined}
          onSaved={onSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
      {remove.error && <p className="error" role="alert">{remove.error}</p>}
      <LoadState state={channels}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('col_name')}</th>
                    <th>{t('col_id')}</th>
                    <th>{t('col_kind')}</th>
                    <th>{t('col_mode')}</th>
                    <th>{t('col_format')}</th>
                    <th>{t('col_secrets')}</th>
                    {isPlatform && <th />}
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id} data-id={c.id} className={editing?.kind === 'edit' && editing.id === c.id ? 'admin-selected' : undefined}>
                      <td>{c.name}</td>
                      <td className="mono">{c.id}</td>
                      <td className="admin-nowrap">{t(`kind_${c.kind}`)}</td>
                      <td className="admin-nowrap">{t(`mode_${c.mode}`)}</td>
                      <td>{c.format.toUpperCase()}</td>
                      <td>
                        <div className="row">
                          <SecretBadge label={t('secret_appSecret')} set={c.appSecretSet} />
                          <SecretBadge label={t('secret_token')} set={c.tokenSet} />
                          <SecretBadge label={t('secret_aes')} set={c.encodingAesKeySet} />
                          <SecretBadge label={t('secret_union')} set={c.hasUnionIdKey} />
                        </div>
                      </td>
                      {isPlatform && (
                        <td className="admin-cell-actions">
                          <div className="row">
                            <button type="button" onClick={() => setEditing({ kind: 'edit', id: c.id })}>{ta('edit')}</button>
                            <ConfirmButton label={ta('delete')} question={t('delete_q', { id: c.id })} onConfirm={() => del(c.id)} disabled={remove.busy} />
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </Screen>
  );
}
