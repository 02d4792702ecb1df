// What reports need besides the Reports port: the caller's part of a channel, the names that make rows
// readable, and the dashboard.
import type { ReportScope, Reports } from '../../core/ports/reports';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { notFound } from '../errors';
import { readDashboard, type Dashboard } from '../read-dashboard';
import type { AdminDeps } from './admin-deps';
import { channelInReach, mustBeMerchantOf } from './reach';

/** The caller's part of a channel: platform admins all of it or one merchant; merchant admins their own. */
export async function reportScope(deps: AdminDeps, p: Principal, channelId: string, merchantId: string | undefined): Promise<ReportScope> {
  await channelInReach(deps, p, channelId);
  const merchant = merchantFilter(p, channelId, merchantId);
  if (merchant) await mustBeMerchantOf(deps, channelId, merchant.merchantId);
  return { channelId, ...(merchant && { merchant }) };
}

/** Merchants' and agents' names by id, for export rows. */
export async function namesOf(
  deps: AdminDeps,
  channelId: string,
): Promise<{ merchants: Map<string, string>; agents: Map<string, string> }> {
  return deps.uow.run(async (tx) => ({
    merchants: new Map((await tx.merchants.listByChannel(channelId)).map((m) => [m.id, m.name])),
    agents: new Map((await tx.agents.listByChannel(channelId)).map((a) => [a.id, a.name])),
  }));
}

/** Without the Reports port (a server composed without it) the dashboard is 404, once the caller is known to reach the channel. */
export async function openDashboard(
  deps: AdminDeps & { reports: Reports | undefined; defaultTimeZone: string },
  p: Principal,
  channelId: string,
  merchantId: string | undefined,
): Promise<Dashboard> {
  const scope = await reportScope(deps, p, channelId, merchantId);
  if (!deps.reports) throw notFound('reports');
  return readDashboard({ uow: deps.uow, clock: deps.clock, reports: deps.reports, defaultTimeZone: deps.defaultTimeZone }, scope);
}
