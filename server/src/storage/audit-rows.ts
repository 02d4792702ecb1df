// The audit log's rows, shared by the SQLite and PostgreSQL adapters: one row per entry, the values as
// JSON text, and the one filter both databases run (placeholders differ: '?' or '$n').
import type { AuditActor, AuditEntry, AuditQuery } from '../core/ports/audit-log';

export interface AuditRow {
  id: string;
  at: number | string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string;
  channel_id: string | null;
  merchant_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export const AUDIT_INSERT_COLUMNS =
  'id, at, actor_kind, actor_id, actor_name, actor_role, action, target_type, target_id, channel_id, merchant_id, before_json, after_json';

export function auditValues(e: AuditEntry): unknown[] {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return [
    e.id,
    e.at,
    e.actor.kind,
    e.actor.id ?? null,
    e.actor.name,
    e.actor.role,
    e.action,
    e.targetType,
    e.targetId,
    e.channelId ?? null,
    e.merchantId ?? null,
    json(e.before),
    json(e.after),
  ];
}

export function auditEntryOf(r: AuditRow): AuditEntry {
  const actor = {
    kind: r.actor_kind,
    ...(r.actor_id !== null && { id: r.actor_id }),
    name: r.actor_name,
    role: r.actor_role,
  } as AuditActor;
  return {
    id: r.id,
    at: Number(r.at),
    actor,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    ...(r.channel_id !== null && { channelId: r.channel_id }),
    ...(r.merchant_id !== null && { merchantId: r.merchant_id }),
    ...(r.before_json !== null && { before: JSON.parse(r.before_json) as unknown }),
    ...(r.after_json !== null && { after: JSON.parse(r.after_json) as unknown }),
  };
}

/** The SELECT of a query, newest first; `mark(n)` writes the n-th placeholder (1-based). */
export function auditSelect(q: AuditQuery, mark: (n: number) => string): { sql: string; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    values.push(value);
    where.push(`${column} = ${mark(values.length)}`);
  };
  eq('channel_id', q.channelId);
  eq('merchant_id', q.merchantId);
  if (q.actorId === 'operator') where.push(`actor_kind = 'operator'`);
  else eq('actor_id', q.actorId);
  eq('target_type', q.targetType);
  eq('action', q.action);
  if (q.from !== undefined) {
    values.push(q.from);
    where.push(`at >= ${mark(values.length)}`);
  }
  if (q.to !== undefined) {
    values.push(q.to);
    where.push(`at <= ${mark(values.length)}`);
  }
  if (q.before) {
    values.push(q.before.at, q.before.at, q.before.id);
    const n = values.length;
    where.push(`(at < ${mark(n - 2)} OR (at = ${mark(n - 1)} AND id < ${mark(n)}))`);
  }
  values.push(q.limit);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT * FROM audit_log ${filter} ORDER BY at DESC, id DESC LIMIT ${mark(values.length)}`, values };
}
