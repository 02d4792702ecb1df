// `kefu agents add|list|set-password`: agents of a channel (optionally of a merchant) and their logins.
// Passwords come from --password or KEFU_PASSWORD and are stored only as scrypt hashes.
import type { Agent } from '../core/model/agent';
import { newId } from '../http/api/auth/secrets';
import { password as passwordSchema, username as usernameSchema } from '../contract/auth';
import { authService, flagOrEnv, type CliContext } from './cli-context';
import { UsageError } from './send-command';
import { required, str, type Group } from './subcommands';

const ADD_HELP = `kefu agents add --channel ID --name NAME [--merchant ID] [--max-concurrent N]
                [--username NAME [--password P | env KEFU_PASSWORD]]

Creates an agent (offline until they log in) and, with --username, its login.`;
const LIST_HELP = `kefu agents list --channel ID [--merchant ID]`;
const PASSWORD_HELP = `kefu agents set-password --username NAME [--password P | env KEFU_PASSWORD]

Sets a login's password and ends its sessions.`;

const s = { type: 'string' } as const;

function checked(ctx: CliContext, raw: string | undefined): string {
  const password = flagOrEnv(ctx, raw, '--password', 'KEFU_PASSWORD', true);
  const result = passwordSchema.safeParse(password);
  if (!result.success) throw new UsageError(`--password: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return password;
}

async function addAgent(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', ADD_HELP);
  const name = required(v, 'name', ADD_HELP);
  const merchantId = str(v.merchant);
  const maxConcurrent = Number(str(v['max-concurrent']) ?? 5);
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1 || maxConcurrent > 100) throw new UsageError('--max-concurrent: a whole number from 1 to 100');
  if (!(await ctx.channels.get(channelId))) throw new UsageError(`no channel ${channelId}`);
  const username = str(v.username);
  if (username !== undefined && !usernameSchema.safeParse(username).success) throw new UsageError('--username: 3 to 64 letters, digits, _ . @ -');
  const password = username === undefined ? undefined : checked(ctx, str(v.password));
  const agent: Agent = { id: newId('agt'), channelId, ...(merchantId !== undefined && { merchantId }), name, status: 'offline', maxConcurrent, groupIds: [], statusChangedAt: ctx.clock.now() };
  await ctx.uow.run(async (tx) => {
    const merchant = merchantId === undefined ? undefined : await tx.merchants.get(merchantId);
    if (merchantId !== undefined && merchant?.channelId !== channelId) throw new UsageError(`no merchant ${merchantId} in channel ${channelId}`);
    await tx.agents.save(agent);
  });
  ctx.print(`added agent ${agent.id} (${name})`);
  if (username !== undefined && password !== undefined) {
    const account = await authService(ctx).createAccount(username, password, { role: 'agent', agentId: agent.id });
    ctx.print(`login ${account.username} can sign in`);
  }
  return 0;
}

export const agentsGroup: Group = {
  help: 'kefu agents add|list|set-password   (each has --help)',
  actions: {
    add: { help: ADD_HELP, options: { channel: s, name: s, merchant: s, 'max-concurrent': s, username: s, password: s }, run: addAgent },
    list: {
      help: LIST_HELP,
      options: { channel: s, merchant: s },
      run: async (v, ctx) => {
        const channelId = required(v, 'channel', LIST_HELP);
        const merchant = str(v.merchant);
        const agents = await ctx.uow.run((tx) => (merchant === undefined ? tx.agents.listByChannel(channelId) : tx.agents.listByMerchant(channelId, merchant)));
        const logins = new Map((await ctx.auth.accounts.list()).flatMap((a) => (a.grant.role === 'agent' ? [[a.grant.agentId, a.username] as const] : [])));
        ctx.print(['id', 'merchant', 'status', 'max', 'login', 'name'].join('\t'));
        for (const a of agents) ctx.print([a.id, a.merchantId ?? '-', a.status, a.maxConcurrent, logins.get(a.id) ?? '-', a.name].join('\t'));
        return 0;
      },
    },
    'set-password': {
      help: PASSWORD_HELP,
      options: { username: s, password: s },
      run: async (v, ctx) => {
        const username = required(v, 'username', PASSWORD_HELP).toLowerCase();
        const account = await ctx.auth.accounts.findByUsername(username);
        if (!account) {
          ctx.print(`no login ${username}`);
          return 1;
        }
        await authService(ctx).setPassword(account.id, checked(ctx, str(v.password)));
        ctx.print(`password of ${username} set; its sessions ended`);
        return 0;
      },
    },
  },
};
