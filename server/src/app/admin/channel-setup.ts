// What the channel page needs to set a channel up: the push URL as WeChat must reach it (from the server's
// configured public base URL, when there is one) and every id an integrator writes into the kit or the
// knowledge base: the channel's, merchants' customerCode, skill groups' ids (transfer_action,
// flowGroupId) and agents' ids. No secret.
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { channelInReach } from './reach';

export interface ChannelSetup {
  channelId: string;
  appId: string;
  /** The full push URL on the configured public base URL; null: none configured (the page uses its own address). */
  pushUrl: string | null;
  merchants: Array<{ id: string; code: string; name: string }>;
  /** merchantCode null: the platform's own team. */
  groups: Array<{ id: string; name: string; merchantCode: string | null }>;
  agents: Array<{ id: string; name: string; merchantCode: string | null }>;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export async function channelSetup(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  publicBaseUrl: string | undefined,
): Promise<ChannelSetup> {
  const channel = await channelInReach(deps, p, channelId);
  return deps.uow.run(async (tx) => {
    const merchants = (await tx.merchants.listByChannel(channelId)).sort(byName);
    const codeOf = (merchantId: string | undefined) => merchants.find((m) => m.id === merchantId)?.code ?? null;
    const groups = (
      await Promise.all([undefined, ...merchants.map((m) => m.id)].map((m) => tx.groups.listByMerchant(channelId, m)))
    ).flat();
    const agents = await tx.agents.listByChannel(channelId);
    return {
      channelId,
      appId: channel.appId,
      pushUrl: publicBaseUrl === undefined ? null : `${publicBaseUrl.replace(/\/+$/, '')}/wechat/${encodeURIComponent(channelId)}`,
      merchants: merchants.map((m) => ({ id: m.id, code: m.code, name: m.name })),
      groups: groups.sort(byName).map((g) => ({ id: g.id, name: g.name, merchantCode: codeOf(g.merchantId) })),
      agents: agents.sort(byName).map((a) => ({ id: a.id, name: a.name, merchantCode: codeOf(a.merchantId) })),
    };
  });
}
