// The channels list (name, id, kind, encryption, format, last push, which secrets are set) with create, edit and
// delete for platform admins; merchant admins see their own channel, read-only.
import { useState } from 'react';
import { api } from '../../api/client';
import { useFormatters, useT } from '../../i18n/i18n';
import type { Channel, List } from '../../api/types';
import { useAdmin } from '../admin-context';
import { Screen } from '../screen';
import { LoadedTable } from '../data-table';
import { useLoad } from '../use-load';
import { ArchiveActions, ArchivedBadge, ArchivedFilterPicker, type ArchivedFilter } from '../archive/archive-controls';
import { adminMessages } from '../messages';
import { ChannelForm } from './channel-form';
import { channelMessages } from './messages';
import { AuthorizationReturn, useAuthorizationReturn } from '../platform/authorization-return';
import { ChannelWayChoice, ScanAuthorize } from '../platform/scan-authorize';

/** `formKey`: a channel just created keeps the form it was created in (its generated values stay on screen). */
type Editing = { kind: 'choose' } | { kind: 'scan' } | { kind: 'new' } | { kind: 'edit'; id: string; formKey?: string } | undefined;

function SecretBadge({ label, set }: { label: string; set: boolean }) {
  const t = useT(channelMessages);
  return (
    <span className={set ? 'badge green' : 'badge'}>
      {label} {set ? t('set') : t('unset')}
    </span>
  );
}

export function ChannelsScreen() {
  const t = useT(channelMessages);
  const ta = useT(adminMessages);
  const f = useFormatters();
  const { channels, isPlatform } = useAdmin();
  const back = useAuthorizationReturn();
  const [editing, setEditing] = useState<Editing>(back.open ? { kind: 'edit', id: back.open } : undefined);
  // The console's channels (the picker) are the ones in use; archived ones are loaded here on request.
  const [archived, setArchived] = useState<ArchivedFilter>('exclude');
  const listed = useLoad(archived === 'exclude' ? undefined : `channels|${archived}`, (signal) =>
    api.get<List<Channel>>('/api/v1/channels', { archived }, signal).then((l) => l.items),
  );
  const reload = () => {
    channels.reload();
    listed.reload();
  };
  const items = channels.data ?? [];
  const current = editing?.kind === 'edit' ? items.find((c) => c.id === editing.id) : undefined;

  const onSaved = (saved: Channel, created: boolean) => {
    channels.setData((list) => {
      const rest = (list ?? []).filter((c) => c.id !== saved.id);
      return [...rest, saved].sort((a, b) => a.id.localeCompare(b.id));
    });
    // The new channel's form goes on as its edit form: step 2 and 3 follow in the same place.
    if (created) setEditing({ kind: 'edit', id: saved.id, formKey: 'new' });
  };

  return (
    <Screen
      title={t('title')}
      tools={
        isPlatform && (
          <div className="row">
            <ArchivedFilterPicker value={archived} onChange={setArchived} />
            <button type="button" className="primary" data-testid="channel-create" onClick={() => setEditing({ kind: 'choose' })}>
              {t('create')}
            </button>
          </div>
        )
      }
    >
      <AuthorizationReturn back={back} channel={back.authorized ? items.find((c) => c.id === back.authorized) : undefined} />
      {editing?.kind === 'choose' && (
        <ChannelWayChoice onChoose={(way) => setEditing({ kind: way === 'scan' ? 'scan' : 'new' })} onClose={() => setEditing(undefined)} />
      )}
      {editing?.kind === 'scan' && <ScanAuthorize onClose={() => setEditing(undefined)} />}
      {(editing?.kind === 'new' || (editing?.kind === 'edit' && current)) && (
        <ChannelForm
          key={editing.kind === 'edit' ? (editing.formKey ?? editing.id) : 'new'}
          channel={editing.kind === 'edit' ? current : undefined}
          onSaved={onSaved}
          onClose={() => setEditing(undefined)}
        />
      )}
      <LoadedTable
        state={archived === 'exclude' ? channels : listed}
        rowKey={(c) => c.id}
        selected={(c) => editing?.kind === 'edit' && editing.id === c.id}
        empty={t('empty')}
        columns={[
          {
            header: t('col_name'),
            cell: (c) => (
              <>
                {c.name}
                <ArchivedBadge archivedAt={c.archivedAt} />
              </>
            ),
          },
          { header: t('col_id'), cell: (c) => c.id, className: 'mono' },
          { header: t('col_kind'), cell: (c) => t(`kind_${c.kind}`), className: 'admin-nowrap' },
          { header: t('col_mode'), cell: (c) => t(`mode_${c.mode}`), className: 'admin-nowrap' },
          { header: t('col_format'), cell: (c) => c.format.toUpperCase() },
          {
            header: t('last_push'),
            cell: (c) => (c.lastPushAt === null ? t('never') : f.dateTime(c.lastPushAt)),
            className: 'admin-nowrap',
          },
          {
            header: t('col_secrets'),
            cell: (c) => (
              <div className="row">
                <SecretBadge label={t('secret_appSecret')} set={c.appSecretSet} />
                <SecretBadge label={t('secret_token')} set={c.tokenSet} />
                <SecretBadge label={t('secret_aes')} set={c.encodingAesKeySet} />
                <SecretBadge label={t('secret_union')} set={c.hasUnionIdKey} />
              </div>
            ),
          },
        ]}
        actions={
          isPlatform
            ? (c) => (
                <div className="row">
                  <button type="button" onClick={() => setEditing({ kind: 'edit', id: c.id })}>
                    {ta('edit')}
                  </button>
                  <ArchiveActions
                    kind="channel"
                    id={c.id}
                    name={c.name}
                    archivedAt={c.archivedAt}
                    onChanged={() => {
                      if (editing?.kind === 'edit' && editing.id === c.id) setEditing(undefined);
                      reload();
                    }}
                  />
                </div>
              )
            : undefined
        }
      />
    </Screen>
  );
}
