// The grant named by command-line flags (kefu tokens create, kefu accounts add): --role and the scope it
// needs. Whether it may be given (its merchant or agents exist, one agent per channel) is the story's to say.
import type { Grant } from '../core/ports/auth';
import { UsageError } from './send-command';
import { required, str } from './subcommands';

export const GRANT_HELP = `--role platform_admin|merchant_admin|supervisor|agent
  [--channel ID --merchant ID]   (merchant_admin)
  [--channel ID [--merchant ID]] (supervisor: the whole channel, or one merchant)
  [--agent ID[,ID…]]             (agent: one agent record per channel, the first one first)`;

export const GRANT_OPTIONS = {
  role: { type: 'string' },
  channel: { type: 'string' },
  merchant: { type: 'string' },
  agent: { type: 'string' },
} as const;

export function grantFrom(v: Record<string, string | boolean | undefined>, help: string): Grant {
  const role = required(v, 'role', help);
  if (role === 'platform_admin') return { role };
  if (role === 'merchant_admin') return { role, channelId: required(v, 'channel', help), merchantId: required(v, 'merchant', help) };
  if (role === 'supervisor') {
    const merchantId = str(v.merchant);
    return { role, channelId: required(v, 'channel', help), ...(merchantId !== undefined && { merchantId }) };
  }
  if (role === 'agent') {
    const agentIds = required(v, 'agent', help)
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const [agentId] = agentIds;
    if (agentId === undefined) throw new UsageError(`--agent: at least one agent id\n\n${help}`);
    return { role, agentId, ...(agentIds.length > 1 && { agentIds }) };
  }
  throw new UsageError(`--role: one of platform_admin, merchant_admin, supervisor, agent\n\n${help}`);
}

/** How a grant reads in a list: where it reaches. */
export function grantScopeText(g: Grant): string {
  if (g.role === 'merchant_admin') return `${g.channelId}/${g.merchantId}`;
  if (g.role === 'supervisor') return g.merchantId === undefined ? `${g.channelId}/*` : `${g.channelId}/${g.merchantId}`;
  if (g.role === 'agent') return (g.agentIds ?? [g.agentId]).join(',');
  return '*';
}
