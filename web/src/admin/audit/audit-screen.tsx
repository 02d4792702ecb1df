// The audit log: who changed what and when, filtered by channel, person, kind of record, action and dates,
// newest first, a page at a time; each entry opens to its values before and after. Platform admins see
// every entry; merchant admins their own merchant's (the server scopes them).
import { Fragment, useState, type FormEvent } from 'react';
import { useFormatters, useT } from '../../i18n/i18n';
import { useAdmin } from '../admin-context';
import { Screen } from '../screen';
import { Empty, LoadState } from '../ui';
import { errorText, useLoad } from '../use-load';
import { type AuditEntry, type AuditFilters, auditCsvUrl, readAudit } from './audit-api';
import { AuditDiff } from './audit-diff';
import { auditMessages, targetNames, verbNames } from './audit-messages';

const actorKey = (e: AuditEntry) => e.actor.id ?? 'operator';

/** The record's own name when it has one (a group's, an agent's…), else its id. */
function targetLabel(e: AuditEntry): string {
  const value = (e.after ?? e.before) as { name?: unknown; title?: unknown; username?: unknown } | undefined;
  const name = value?.name ?? value?.title ?? value?.username;
  return typeof name === 'string' && name !== '' ? name : e.targetId;
}

function useNames() {
  const t = useT(auditMessages);
  const target = useT(targetNames);
  const verb = useT(verbNames);
  const known = <K extends string>(keys: Record<K, string>, k: string): k is K => k in keys;
  return {
    target: (type: string) => (known(targetNames.en, type) ? target(type) : type),
    action: (action: string) => {
      const v = action.slice(action.lastIndexOf('.') + 1);
      return known(verbNames.en, v) ? verb(v) : action;
    },
    actor: (e: AuditEntry) => (e.actor.kind === 'operator' ? t('command_line') : e.actor.name),
    role: (role: string) => (known(auditMessages.en, `role_${role}`) ? t(`role_${role}` as 'role_agent') : role),
  };
}

function Filters({ value, actors, onApply }: { value: AuditFilters; actors: Map<string, string>; onApply(f: AuditFilters): void }) {
  const t = useT(auditMessages);
  const names = useNames();
  const { isPlatform, channels } = useAdmin();
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="admin-filters audit-filters" role="search" onSubmit={apply}>
      {isPlatform && (
        <label>
          {t('f_channel')}{' '}
          <select name="channelId" value={draft.channelId ?? ''} onChange={set('channelId')}>
            <option value="">{t('f_all_channels')}</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('f_actor')}{' '}
        <select name="actor" value={draft.actor ?? ''} onChange={set('actor')}>
          <option value="">{t('f_all_actors')}</option>
          {[...actors].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('f_type')}{' '}
        <select name="targetType" value={draft.targetType ?? ''} onChange={set('targetType')}>
          <option value="">{t('f_all_types')}</option>
          {Object.keys(targetNames.en).map((k) => (
            <option key={k} value={k}>
              {names.target(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('f_action')} <input name="action" value={draft.action ?? ''} onChange={set('action')} placeholder="group.change" size={14} />
      </label>
      <label>
        {t('f_from')} <input type="date" name="from" value={draft.from ?? ''} onChange={set('from')} />
      </label>
      <label>
        {t('f_to')} <input type="date" name="to" value={draft.to ?? ''} onChange={set('to')} />
      </label>
      <button type="submit" className="primary" data-testid="audit-apply">
        {t('apply')}
      </button>
      <button type="button" onClick={() => (setDraft({}), onApply({}))}>
        {t('reset')}
      </button>
    </form>
  );
}

function Entries({ entries, open, onToggle }: { entries: AuditEntry[]; open?: string; onToggle(id: string): void }) {
  const t = useT(auditMessages);
  const f = useFormatters();
  const names = useNames();
  if (entries.length === 0) return <Empty>{t('empty')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('col_at')}</th>
            <th>{t('col_actor')}</th>
            <th>{t('col_action')}</th>
            <th>{t('col_target')}</th>
            <th>{t('col_channel')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <Fragment key={e.id}>
              <tr data-id={e.id} data-action={e.action} className={open === e.id ? 'admin-selected' : undefined}>
                <td className="admin-nowrap">{f.dateTime(e.at)}</td>
                <td>
                  {names.actor(e)} <span className="muted">· {e.actor.kind === 'token' ? t('via_token') : names.role(e.actor.role)}</span>
                </td>
                <td>{names.action(e.action)}</td>
                <td>
                  {names.target(e.targetType)}{' '}
                  <span className="mono" title={e.targetId}>
                    {targetLabel(e)}
                  </span>
                </td>
                <td className="mono">{e.channelId ?? '—'}</td>
                <td className="admin-cell-actions">
                  {(e.before !== undefined || e.after !== undefined) && (
                    <button type="button" data-testid="audit-details" onClick={() => onToggle(e.id)}>
                      {open === e.id ? t('hide') : t('details')}
                    </button>
                  )}
                </td>
              </tr>
              {open === e.id && (
                <tr className="audit-detail-row">
                  <td colSpan={6}>
                    <AuditDiff entry={e} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditScreen() {
  const t = useT(auditMessages);
  const names = useNames();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [more, setMore] = useState<{ items: AuditEntry[]; next?: string; error?: string }>({ items: [] });
  const [open, setOpen] = useState<string | undefined>(undefined);
  // Everyone seen so far stays in the actor filter, so filtering by one person keeps the others to choose.
  const [actors] = useState(() => new Map<string, string>());
  const first = useLoad(`audit:${JSON.stringify(filters)}`, async (signal) => {
    const page = await readAudit(filters, undefined, signal);
    setMore({ items: [], ...(page.next && { next: page.next }) });
    return page.items;
  });
  const shown = [...(first.data ?? []), ...more.items];
  for (const e of shown) if (!actors.has(actorKey(e))) actors.set(actorKey(e), names.actor(e));
  const loadMore = async () => {
    try {
      const page = await readAudit(filters, more.next);
      setMore({ items: [...more.items, ...page.items], ...(page.next && { next: page.next }) });
    } catch (err) {
      setMore({ ...more, error: errorText(err) });
    }
  };
  return (
    <Screen
      title={t('title')}
      testId="audit-screen"
      tools={
        <a className="button" href={auditCsvUrl(filters)} download data-testid="audit-csv">
          {t('csv')}
        </a>
      }
    >
      <p className="muted">{t('intro')}</p>
      <Filters value={filters} actors={actors} onApply={setFilters} />
      <LoadState state={first}>
        {() => <Entries entries={shown} onToggle={(id) => setOpen(open === id ? undefined : id)} {...(open && { open })} />}
      </LoadState>
      {more.error && <p className="error">{more.error}</p>}
      {more.next && (
        <button type="button" onClick={() => void loadMore()} data-testid="audit-more">
          {t('more')}
        </button>
      )}
    </Screen>
  );
}
