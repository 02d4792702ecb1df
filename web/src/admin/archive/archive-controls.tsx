// Archive, unarchive and delete from an admin list: the "show" filter above the table, the badge of an
// archived row, and the row's buttons with their confirmation dialogs. A delete first asks the server
// what still refers to the record (…/dependents) and, when anything does, says so in the user's
// language instead of offering the delete (a 409 from a race is answered the same way).
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { api, ApiError } from '../../api/client';
import { Modal } from '../../agent/modal';
import { useT } from '../../i18n/i18n';
import { ErrorLine } from '../form-parts';
import { errorText } from '../use-load';
import { archiveMessages } from './messages';

export type ArchiveKind = 'agent' | 'group' | 'calendar' | 'merchant' | 'channel';
export type ArchivedFilter = 'exclude' | 'include' | 'only';
type Dependents = Partial<
  Record<
    | 'conversations'
    | 'leftMessages'
    | 'messages'
    | 'members'
    | 'agents'
    | 'groups'
    | 'calendars'
    | 'merchants'
    | 'customers'
    | 'routingSettings'
    | 'logins',
    number
  >
>;

const PLURAL: Record<ArchiveKind, string> = {
  agent: 'agents',
  group: 'groups',
  calendar: 'calendars',
  merchant: 'merchants',
  channel: 'channels',
};
const FILTERS: ArchivedFilter[] = ['exclude', 'only', 'include'];

const pathOf = (kind: ArchiveKind, id: string, tail = '') => `/api/v1/${PLURAL[kind]}/${encodeURIComponent(id)}${tail}`;

/** The list's "show: in use / archived / all" picker; its value is the list's ?archived=. */
export function ArchivedFilterPicker({ value, onChange }: { value: ArchivedFilter; onChange(next: ArchivedFilter): void }) {
  const t = useT(archiveMessages);
  return (
    <label className="row" style={{ gap: 6 }}>
      <span>{t('show')}</span>
      <select
        data-testid="archived-filter"
        value={value}
        onChange={(e) => onChange(e.target.value as ArchivedFilter)}
        style={{ width: 'auto' }}
      >
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {t(`show_${f}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ArchivedBadge({ archivedAt }: { archivedAt?: number | null | undefined }) {
  const t = useT(archiveMessages);
  return archivedAt ? (
    <span className="badge" data-testid="archived-badge" style={{ marginLeft: 6 }}>
      {t('archived_badge')}
    </span>
  ) : null;
}

interface RowProps {
  kind: ArchiveKind;
  id: string;
  name: string;
  archivedAt?: number | null | undefined;
  /** After an archive, unarchive or delete: the list reloads. */
  onChanged(): void;
}

/** The row's archive (or unarchive) and delete buttons. */
export function ArchiveActions(props: RowProps) {
  const t = useT(archiveMessages);
  const [open, setOpen] = useState<'archive' | 'delete' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const unarchive = () =>
    api.post(pathOf(props.kind, props.id, '/unarchive')).then(props.onChanged, (err: unknown) => setError(errorText(err)));
  return (
    <>
      {props.archivedAt ? (
        <button type="button" data-testid="unarchive" onClick={() => void unarchive()}>
          {t('unarchive')}
        </button>
      ) : (
        <button type="button" data-testid="archive" onClick={() => setOpen('archive')}>
          {t('archive')}
        </button>
      )}
      <button type="button" className="danger" data-testid="delete" onClick={() => setOpen('delete')}>
        {t('delete')}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
      {/* In the page's body, not the table cell (whose text does not wrap). */}
      {open === 'archive' && createPortal(<ArchiveDialog {...props} onClose={() => setOpen(undefined)} />, document.body)}
      {open === 'delete' && createPortal(<DeleteDialog {...props} onClose={() => setOpen(undefined)} />, document.body)}
    </>
  );
}

function ArchiveDialog({ kind, id, name, onChanged, onClose }: RowProps & { onClose(): void }) {
  const t = useT(archiveMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(pathOf(kind, id, '/archive'));
      onClose();
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'channel_live' ? t('e_channel_live') : errorText(err));
      setBusy(false);
    }
  };
  return (
    <Modal title={t('archive_title', { what: t(`what_${kind}`), name })} onClose={onClose}>
      <p>{t(`archive_${kind}`)}</p>
      <ErrorLine error={error} />
      <div className="row inbox-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" data-testid="confirm-archive" disabled={busy} onClick={() => void confirm()}>
          {t('confirm_archive')}
        </button>
      </div>
    </Modal>
  );
}

function DeleteDialog({ kind, id, name, onChanged, onClose }: RowProps & { onClose(): void }) {
  const t = useT(archiveMessages);
  const [dependents, setDependents] = useState<Dependents | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const check = useCallback(
    () => api.get<Dependents>(pathOf(kind, id, '/dependents')).then(setDependents, (err: unknown) => setError(errorText(err))),
    [kind, id],
  );
  useEffect(() => void check(), [check]);
  const confirm = async () => {
    try {
      await api.delete(pathOf(kind, id));
      onClose();
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'in_use') await check();
      else setError(errorText(err));
    }
  };
  const inUse = dependents !== undefined && Object.values(dependents).some((n) => (n ?? 0) > 0);
  const what = t(`what_${kind}`);
  return (
    <Modal title={t('delete_title', { what, name })} onClose={onClose}>
      {dependents === undefined && !error && <p className="admin-muted">{t('checking')}</p>}
      {inUse && (
        <div role="alert" data-testid="delete-refused">
          <p>{t('delete_refused', { what, name })}</p>
          <ul>
            {Object.entries(dependents).map(([key, n]) => (
              <li key={key}>{t(`d_${key}` as `d_conversations`, { n: n ?? 0 })}</li>
            ))}
          </ul>
          <p className="hint">{t('delete_refused_hint')}</p>
        </div>
      )}
      {dependents !== undefined && !inUse && <p>{t('delete_body')}</p>}
      <ErrorLine error={error} />
      <div className="row inbox-dialog-actions">
        <button type="button" onClick={onClose}>
          {inUse ? t('close') : t('cancel')}
        </button>
        {dependents !== undefined && !inUse && (
          <button type="button" className="danger" data-testid="confirm-delete" onClick={() => void confirm()}>
            {t('confirm_delete')}
          </button>
        )}
      </div>
    </Modal>
  );
}
