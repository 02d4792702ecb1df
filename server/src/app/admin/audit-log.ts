// Reading the audit log: platform admins read every entry; merchant admins the entries of their own
// merchant only, whatever they filter on (supervisors change nothing and read none of it).
import type { AuditEntry, AuditQuery } from '../../core/ports/audit-log';
import type { Principal } from '../auth/principal';
import { notFound } from '../errors';
import type { AdminDeps } from './admin-deps';

export interface AuditFilters {
  channelId?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  action?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface AuditPageRequest extends AuditFilters {
  /** `at:id` of the last entry of the previous page. */
  cursor?: string | undefined;
  limit: number;
}

function queryOf(p: Principal, f: AuditFilters, limit: number): AuditQuery {
  const scope = p.role === 'platform_admin' ? {} : { channelId: p.channelId, merchantId: p.merchantId ?? '' };
  const q: AuditQuery = { limit };
  if (f.channelId !== undefined) q.channelId = f.channelId;
  if (f.actor !== undefined) q.actorId = f.actor;
  if (f.targetType !== undefined) q.targetType = f.targetType;
  if (f.action !== undefined) q.action = f.action;
  if (f.from !== undefined) q.from = f.from;
  if (f.to !== undefined) q.to = f.to;
  return { ...q, ...scope };
}

/** One page, newest first, with the cursor of the next when this one is full. */
export async function readAuditLog(deps: AdminDeps, p: Principal, req: AuditPageRequest): Promise<{ items: AuditEntry[]; next?: string }> {
  if (!deps.audit) throw notFound('audit log');
  const q = queryOf(p, req, req.limit);
  if (req.cursor !== undefined) {
    const at = req.cursor.slice(0, req.cursor.indexOf(':'));
    q.before = { at: Number(at), id: req.cursor.slice(at.length + 1) };
  }
  const items = await deps.audit.list(q);
  const last = items.at(-1);
  return { items, ...(items.length === req.limit && last && { next: `${last.at}:${last.id}` }) };
}

/** Every entry the filters select (newest first), up to `max`: the CSV download. */
export async function auditLogRows(deps: AdminDeps, p: Principal, f: AuditFilters, max: number): Promise<AuditEntry[]> {
  if (!deps.audit) throw notFound('audit log');
  return deps.audit.list(queryOf(p, f, max));
}
