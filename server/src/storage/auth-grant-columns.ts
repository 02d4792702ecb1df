// How a Grant is kept in the auth tables' columns (role, channel_id, merchant_id, agent_id, agent_ids), both
// ways. agent_ids (a JSON array) is NULL for a login linked to one agent, as every row was before logins could
// be linked to several agents, so old rows read unchanged.
import { grantAgentIds, type Grant, type Role } from '../core/ports/auth';

export interface GrantColumns {
  role: Role;
  channel_id: string | null;
  merchant_id: string | null;
  agent_id: string | null;
  /** Absent in rows read before the column existed; NULL for a one-agent login. */
  agent_ids?: string | null;
}

export function grantToColumns(g: Grant): Required<GrantColumns> {
  const none = { channel_id: null, merchant_id: null, agent_id: null, agent_ids: null };
  if (g.role === 'merchant_admin') return { ...none, role: g.role, channel_id: g.channelId, merchant_id: g.merchantId };
  if (g.role === 'supervisor') return { ...none, role: g.role, channel_id: g.channelId, merchant_id: g.merchantId ?? null };
  if (g.role === 'agent') {
    const ids = grantAgentIds(g);
    return { ...none, role: g.role, agent_id: g.agentId, agent_ids: ids.length > 1 ? JSON.stringify(ids) : null };
  }
  return { ...none, role: g.role };
}

function agentIdsOf(text: string | null | undefined): string[] | undefined {
  if (text === null || text === undefined) return undefined;
  const ids: unknown = JSON.parse(text);
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new Error('auth row with corrupt agent_ids');
  return ids.length > 1 ? ids : undefined;
}

/** A row the CHECK constraints let through always maps back; anything else is a corrupt row. */
export function grantFromColumns(c: GrantColumns): Grant {
  if (c.role === 'merchant_admin' && c.channel_id !== null && c.merchant_id !== null)
    return { role: c.role, channelId: c.channel_id, merchantId: c.merchant_id };
  if (c.role === 'supervisor' && c.channel_id !== null)
    return { role: c.role, channelId: c.channel_id, ...(c.merchant_id !== null && { merchantId: c.merchant_id }) };
  if (c.role === 'agent' && c.agent_id !== null) {
    const agentIds = agentIdsOf(c.agent_ids);
    return { role: c.role, agentId: c.agent_id, ...(agentIds && { agentIds }) };
  }
  if (c.role === 'platform_admin') return { role: c.role };
  throw new Error(`auth row with an incomplete ${c.role} grant`);
}
