// `kefu tokens create|list|revoke`: API tokens. `create` prints the token once; only its hash is kept.
import { issueToken, listTokens, revokeToken } from '../app/admin/tokens';
import { OPERATOR } from '../app/auth/principal';
import { z } from 'zod';
import { name as nameSchema } from '../contract/common';
import type { Grant } from '../core/ports/auth';
import { falseWhenMissing, usage } from './cli-context';
import { parseFlags } from './input';
import { UsageError } from './send-command';
import { required, type Group } from './subcommands';

const CREATE_HELP = `kefu tokens create --name NAME --role platform_admin|merchant_admin|agent
                   [--channel ID --merchant ID]   (merchant_admin)
                   [--agent ID]                   (agent)

Prints the new token once: store it now, it cannot be shown again.`;
const LIST_HELP = 'kefu tokens list   (ids, names, roles and use; never the tokens)';
const REVOKE_HELP = 'kefu tokens revoke --id TOKEN_ID';

const s = { type: 'string' } as const;

/** The grant the flags name; whether it may be given (its merchant or agent exists) is the story's to say. */
function grantFrom(v: Record<string, string | boolean | undefined>): Grant {
  const role = required(v, 'role', CREATE_HELP);
  if (role === 'platform_admin') return { role };
  if (role === 'merchant_admin')
    return { role, channelId: required(v, 'channel', CREATE_HELP), merchantId: required(v, 'merchant', CREATE_HELP) };
  if (role === 'agent') return { role, agentId: required(v, 'agent', CREATE_HELP) };
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
        const { name } = parseFlags(z.strictObject({ name: nameSchema }), { name: required(v, 'name', CREATE_HELP) });
        const { token, record } = await usage(issueToken(ctx.admin, OPERATOR, name, grantFrom(v)));
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
        for (const t of await listTokens(ctx.admin)) {
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
        if (!(await falseWhenMissing(revokeToken(ctx.admin, id, OPERATOR)))) {
          ctx.print(`no active token ${id}`);
          return 1;
        }
        ctx.print(`revoked ${id}`);
        return 0;
      },
    },
  },
};
