// Exports taken are changes of who holds the data, so the audit log records each: every route declared
// with `audit: 'export'` (route-table.ts), whatever its family. The audit coverage test walks the served
// routes and fails on one that hands out a file without the flag. Recorded after the answer was built,
// with what was asked for.
import type { Principal } from '../../app/auth/principal';
import { exportTaken, recordChange, type AuditDeps } from '../../app/support/audit';
import type { ApiRoute } from './route-table';

export const isExportRoute = (r: Pick<ApiRoute, 'method' | 'audit'>): boolean => r.method === 'get' && r.audit === 'export';

export function recordExport(
  deps: AuditDeps,
  p: Principal,
  r: Pick<ApiRoute, 'path'>,
  input: { params: Record<string, unknown>; query: Record<string, unknown> },
): Promise<void> {
  const channelId = typeof input.params.channelId === 'string' ? input.params.channelId : undefined;
  const merchantId = typeof input.query.merchantId === 'string' ? input.query.merchantId : undefined;
  const target = Object.values(input.params).find((v) => typeof v === 'string' && v !== channelId);
  const where = {
    channelId: channelId ?? (p.role === 'platform_admin' ? undefined : p.channelId),
    merchantId: merchantId ?? (p.role === 'platform_admin' ? undefined : p.merchantId),
  };
  const what = typeof target === 'string' ? `${r.path} ${target}` : r.path;
  return recordChange(deps, p, exportTaken(what, where, { path: r.path, params: input.params, query: input.query }));
}
