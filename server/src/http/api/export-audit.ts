// Exports taken are changes of who holds the data, so the audit log records each: every GET route whose
// path names an export, a transcript or a channel's configuration file, whatever its family (a new export is covered by its name, and the
// audit coverage test walks them all). Recorded after the answer was built, with what was asked for.
import type { Principal } from '../../app/auth/principal';
import { exportTaken, recordChange, type AuditDeps } from '../../app/support/audit';
import type { ApiRoute } from './route-table';

export const isExportRoute = (r: Pick<ApiRoute, 'method' | 'path'>): boolean =>
  r.method === 'get' && /export|transcript|\/configuration$/.test(r.path);

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
