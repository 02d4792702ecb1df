// `kefu agents|groups|calendars|merchants|channels archive|unarchive|delete --id ID`: the REST API's
// archive stories (app/admin/archive.ts) with the operator as caller. A refused delete is a usage error
// (exit 2) naming what still refers to the record. Conversations an archived agent or group held move on
// here as through the API; the workbenches of a running server see it on their next refresh (this
// process tells none of them).
import { archiveRecord, deleteRecord, unarchiveRecord, type ArchiveKind } from '../app/admin/archive';
import { ARCHIVED_FILTERS, type ArchivedFilter } from '../app/admin/archived-filter';
import { OPERATOR } from '../app/auth/principal';
import { usage, UsageError, type CliContext } from './cli-context';
import { required, str, type Action, type Group } from './subcommands';

const s = { type: 'string' } as const;

function helpOf(kind: ArchiveKind, plural: string, action: string): string {
  const what = {
    archive: `Archives the ${kind}: out of routing and the default lists, its history kept (see the README).`,
    unarchive: `Restores an archived ${kind}.`,
    delete: `Deletes the ${kind} when nothing refers to it; otherwise says what does (exit 2).`,
  }[action];
  return `kefu ${plural} ${action} --id ID\n\n${what}`;
}

/** archive, unarchive and delete for one kind of record. */
export function archiveActions(kind: ArchiveKind, plural: string): Record<string, Action> {
  const act = (action: 'archive' | 'unarchive' | 'delete'): Action => ({
    help: helpOf(kind, plural, action),
    options: { id: s },
    run: async (v, ctx) => {
      const id = required(v, 'id', helpOf(kind, plural, action));
      if (action === 'delete') {
        await usage(deleteRecord(ctx.admin, OPERATOR, kind, id));
        ctx.print(`deleted ${kind} ${id}`);
        return 0;
      }
      if (action === 'unarchive') {
        await usage(unarchiveRecord(ctx.admin, OPERATOR, kind, id));
        ctx.print(`unarchived ${kind} ${id}`);
        return 0;
      }
      const done = await usage(archiveRecord(ctx.admin, engineOf(ctx), OPERATOR, kind, id));
      ctx.print(`archived ${kind} ${id}${done.moved ? `; ${done.moved.length} conversation(s) moved on` : ''}`);
      return 0;
    },
  });
  return { archive: act('archive'), unarchive: act('unarchive'), delete: act('delete') };
}

/** The units of this process: the server's workbenches are not told from here. */
const engineOf = (ctx: CliContext) => ({ ...ctx.admin, notifier: { notify: async () => undefined } });

/** `--archived include|only` of a list command; absent: archived records are left out. */
export function archivedFlag(v: Record<string, string | boolean | undefined>): ArchivedFilter {
  const value = str(v.archived) ?? 'exclude';
  if (!ARCHIVED_FILTERS.includes(value as ArchivedFilter)) throw new UsageError(`--archived must be include or only, not "${value}"`);
  return value as ArchivedFilter;
}

export const groupsGroup: Group = {
  help: 'kefu groups archive|unarchive|delete   (each has --help)',
  actions: archiveActions('group', 'groups'),
};

export const calendarsGroup: Group = {
  help: 'kefu calendars archive|unarchive|delete   (each has --help)',
  actions: archiveActions('calendar', 'calendars'),
};
