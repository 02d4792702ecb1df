// How a Grant is kept in the auth tables' columns (role, channel_id, merchant_id, agent_id), both ways.
import type { Grant, Role } from '../core/ports/auth';

export interface GrantColumns {
  role: Role;
  channel_id: string | null;
  merchant_id: string | null;
  agent_id: string | null;
}

export function grantToColumns(g: Grant): GrantColumns {
  if (g.role === 'merchant_admin') return { role: g.role, channel_id: g.channelId, merchant_id: g.merchantId, agent_id: null };
  if (g.role === 'agent') return { role: g.role, channel_id: null, merchant_id: null, agent_id: g.agentId };
  return { role: g.role, channel_id: null, merchant_id: null, agent_id: null };
}

/** A row the CHECK constraints let through always maps back; anything else is a corrupt row. */
export function grantFromColumns(c: GrantColumns): Grant {
  if (c.role === 'merchant_admin' && c.channel_id !== null && c.merchant_id !== null)
    return { role: c.role, channelId: c.channel_id, merchantId: c.merchant_id };
  if (c.role === 'agent' && c.agent_id !== null) return { role: c.role, agentId: c.agent_id };
  if (c.role === 'platform_admin') return { role: c.role };
  throw new Error(`auth row with an incomplete ${c.role} grant`);
}
