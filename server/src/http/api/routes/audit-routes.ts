// The audit log: who changed what, when, before and after. Platform admins read everything; merchant
// admins their own merchant's entries (the story scopes them). Supervisors change nothing, and read none.
import { auditLogRows, readAuditLog } from '../../../app/admin/audit-log';
import { auditFilters, auditPage, auditQuery } from '../../../contract/audit';
import { csvText, MAX_ROWS_PER_FILE } from '../../../exports/csv';
import type { AuditEntry } from '../../../core/ports/audit-log';
import type { ApiContext } from '../api-context';
import { ADMINS, RawAnswer, route, type ApiRoute } from '../route-table';

const TAG = 'audit';
const COLUMNS = [
  'at',
  'actor',
  'actorKind',
  'actorId',
  'role',
  'action',
  'targetType',
  'targetId',
  'channelId',
  'merchantId',
  'before',
  'after',
];

const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
const row = (e: AuditEntry) => [
  new Date(e.at).toISOString(),
  e.actor.name,
  e.actor.kind,
  e.actor.id,
  e.actor.role,
  e.action,
  e.targetType,
  e.targetId,
  e.channelId,
  e.merchantId,
  json(e.before),
  json(e.after),
];

export function auditRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/audit',
      tag: TAG,
      summary: 'The audit log: changes made by admins and the command line, newest first, with before and after',
      roles: ADMINS,
      query: auditQuery,
      response: auditPage,
      handle: ({ principal, query }) => readAuditLog(ctx.admin, principal, query),
    }),
    route({
      method: 'get',
      path: '/audit/export.csv',
      audit: 'export',
      tag: TAG,
      summary: `The filtered audit log as CSV, newest first, at most ${MAX_ROWS_PER_FILE} rows (narrow the dates for older ones)`,
      description: `Columns: ${COLUMNS.join(', ')}. Times are ISO 8601 in UTC; before and after as JSON.`,
      roles: ADMINS,
      query: auditFilters,
      produces: { contentType: 'text/csv', description: 'CSV (UTF-8 with a BOM)' },
      handle: async ({ principal, query }) => {
        const rows = (await auditLogRows(ctx.admin, principal, query, MAX_ROWS_PER_FILE)).map(row);
        return new RawAnswer('text/csv; charset=utf-8', csvText(COLUMNS, rows), {
          'content-disposition': 'attachment; filename="audit-log.csv"',
          'x-content-type-options': 'nosniff',
        });
      },
    }),
  ];
}
