// Merchants (organisation units inside a channel): platform admins create and change them; merchant
// admins and agents read their own. Shared by the REST API and the command line.
import type { Merchant } from '../../core/model/merchant';
import { merchantFilter } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { conflict } from '../errors';
import type { AdminDeps } from './admin-deps';
import { recordChange, recordOf } from '../support/audit';
import { channelInReach, recordInReach } from './reach';

async function mustBeFreeCode(deps: AdminDeps, channelId: string, code: string, self?: string): Promise<void> {
  const holder = await deps.uow.run((tx) => tx.merchants.findByCode(channelId, code));
  if (holder && holder.id !== self) throw conflict('code_taken', `merchant code ${code} is taken in channel ${channelId}`);
}

export async function listMerchants(deps: AdminDeps, p: Principal, channelId: string): Promise<Merchant[]> {
  await channelInReach(deps, p, channelId);
  const filter = merchantFilter(p, channelId, undefined);
  const all = await deps.uow.run((tx) => tx.merchants.listByChannel(channelId));
  return filter ? all.filter((m) => m.id === filter.merchantId) : all;
}

export async function createMerchant(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  input: { code: string; name: string },
): Promise<Merchant> {
  await channelInReach(deps, p, channelId);
  await mustBeFreeCode(deps, channelId, input.code);
  // Generated ids start with "mer_", so none can be mistaken for the "platform" filter value.
  const record: Merchant = { id: deps.ids.next('mer'), channelId, code: input.code, name: input.name };
  await deps.uow.run(async (tx) => {
    await tx.merchants.save(record);
    await recordChange(deps, p, merchantChange('create', undefined, record), tx);
  });
  return record;
}

export const readMerchant = (deps: AdminDeps, p: Principal, merchantId: string): Promise<Merchant> =>
  recordInReach(deps, p, 'merchants', merchantId);

export async function changeMerchant(
  deps: AdminDeps,
  p: Principal,
  merchantId: string,
  change: { code?: string | undefined; name?: string | undefined },
): Promise<Merchant> {
  const current = await recordInReach(deps, p, 'merchants', merchantId);
  if (change.code !== undefined) await mustBeFreeCode(deps, current.channelId, change.code, current.id);
  const next = {
    ...current,
    ...(change.code !== undefined && { code: change.code }),
    ...(change.name !== undefined && { name: change.name }),
  };
  await deps.uow.run(async (tx) => {
    await tx.merchants.save(next);
    await recordChange(deps, p, merchantChange('change', current, next), tx);
  });
  return next;
}

/** A merchant is its own scope: its entries are seen by its admins. */
const merchantChange = (verb: string, before: Merchant | undefined, after: Merchant) => ({
  ...recordOf('merchant', verb, before, after),
  merchantId: after.id,
});
