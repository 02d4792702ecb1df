// The audit log as the console reads it: GET /api/v1/audit (a page, newest first) and its CSV.
import type { AuditEntryView, AuditPage } from '../../../../server/src/contract/audit';
import { api, apiUrl } from '../../api/client';

export type AuditEntry = AuditEntryView;

export interface AuditFilters {
  channelId?: string;
  actor?: string;
  targetType?: string;
  action?: string;
  /** yyyy-mm-dd, the browser's day. */
  from?: string;
  to?: string;
}

/** The query the API takes: dates become the first and last millisecond of those days. */
export function auditQuery(f: AuditFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.channelId) q.channelId = f.channelId;
  if (f.actor) q.actor = f.actor;
  if (f.targetType) q.targetType = f.targetType;
  if (f.action) q.action = f.action.trim();
  if (f.from) q.from = String(new Date(`${f.from}T00:00:00`).getTime());
  if (f.to) q.to = String(new Date(`${f.to}T23:59:59.999`).getTime());
  return q;
}

export const readAudit = (f: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<AuditPage>('/api/v1/audit', { ...auditQuery(f), limit: '50', ...(cursor && { cursor }) }, signal);

export const auditCsvUrl = (f: AuditFilters) => apiUrl('/api/v1/audit/export.csv', auditQuery(f));
