// `kefu tokens create|list|revoke`: API tokens. `create` prints the token once; only its hash is kept.
import type { Grant } from '../core/ports/auth';
import { authService, type CliContext } from './cli-context';
import { UsageError } from './send-command';
import { required, type Group } from './subcommands';

const CREATE_HELP = `kefu tokens create --name NAME --role platform_admin|merchant_admin|agent
                   [--channel ID --merchant ID]   (merchant_admin)
                   [--agent ID]                   (agent)

Prints the new token once: store it now, it cannot be shown again.`;
const LIST_HELP = 'kefu tokens list   (ids, names, roles and use; never the tokens)';
const REVOKE_HELP = 'kefu tokens revoke --id TOKEN_ID';

const s = { type: 'string' } as const;

async function grantFrom(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<Grant> {
  const role = required(v, 'role', CREATE_HELP);
  if (role === 'platform_admin') return { role };
  if (role === 'merchant_admin') {
    const channelId = required(v, 'channel', CREATE_HELP);
    const merchantId = required(v, 'merchant', CREATE_HELP);
    const m = await ctx.uow.run((tx) => tx.merchants.get(merchantId));
    if (m?.channelId !== channelId) throw new UsageError(`no merchant ${merchantId} in channel ${channelId}`);
    return { role, channelId, merchantId };
  }
  if (role === 'agent') {
    const agentId = required(v, 'agent', CREATE_HELP);
    if (!(await ctx.uow.run((tx) => tx.agents.get(agentId)))) throw new UsageError(`no agent ${agentId}`);
    return { role, agentId };
  }
  throw new UsageError(`--role: one of platform_admin, merchant_admin, agent\n\n${CREATE_HELP}`);
}

const iso = (ms: number | undefined) => (ms === undefined ? '-' : new Date(ms).toISOString());

export const tokensGroup: Group = {
  help: 'kefu tokens create|list|revoke   (each has --help)',
  actions: {
    create: {
      help: CREATE_HELP,
      options: { name: s, role: s, channel: s, merchant: s, agent: s },
      run: async (v, ctx) => {
        const name = required(v, 'name', CREATE_HELP);
        const { token, record } = await authService(ctx).createApiToken(name, await grantFrom(v, ctx));
        ctx.print(`token ${record.id} (${record.grant.role}); shown once:`);
        ctx.print(token);
        return 0;
      },
    },
    list: {
      help: LIST_HELP,
      options: {},
      run: async (_v, ctx) => {
        ctx.print(['id', 'role', 'scope', 'created', 'lastUsed', 'revoked', 'name'].join('\t'));
        for (const t of await ctx.auth.tokens.list()) {
          const g = t.grant;
          const scope = g.role === 'merchant_admin' ? `${g.channelId}/${g.merchantId}` : g.role === 'agent' ? g.agentId : '*';
          ctx.print([t.id, g.role, scope, iso(t.createdAt), iso(t.lastUsedAt), iso(t.revokedAt), t.name].join('\t'));
        }
        return 0;
      },
    },
    revoke: {
      help: REVOKE_HELP,
      options: { id: s },
      run: async (v, ctx) => {
        const id = required(v, 'id', REVOKE_HELP);
        if (!(await ctx.auth.tokens.revoke(id, ctx.clock.now()))) {
          ctx.print(`no active token ${id}`);
          return 1;
        }
        ctx.print(`revoked ${id}`);
        return 0;
      },
    },
  },
};
