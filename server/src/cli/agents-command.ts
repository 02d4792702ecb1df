// `kefu agents add|list|set-password`: agents of a channel (optionally of a merchant) and their logins.
// Passwords come from --password or KEFU_PASSWORD and are stored only as scrypt hashes.
import { createAccount, findAccount, loginNames, setAccountPassword } from '../app/admin/accounts';
import { createAgent, listAgents } from '../app/admin/agents';
import { OPERATOR } from '../app/auth/principal';
import { agentCreate } from '../contract/team';
import { archiveActions, archivedFlag } from './archive-command';
import { byArchive } from '../app/admin/archived-filter';
import { usage, type CliContext } from './cli-context';
import { checkedPassword, checkedUsername, parseFlags } from './input';
import { required, str, type Group } from './subcommands';

const ADD_HELP = `kefu agents add --channel ID --name NAME [--merchant ID] [--max-concurrent N] [--can-act-on-colleagues]
                [--username NAME [--password P | env KEFU_PASSWORD]]

Creates an agent (offline until they log in) and, with --username, its login. With --can-act-on-colleagues
the agent may transfer and end colleagues' conversations, not only their own.`;
const LIST_HELP = `kefu agents list --channel ID [--merchant ID] [--archived include|only]`;
const PASSWORD_HELP = `kefu agents set-password --username NAME [--password P | env KEFU_PASSWORD]

Sets a login's password and ends its sessions.`;

const s = { type: 'string' } as const;

/** The REST API's "create an agent" (app/admin/agents.ts), then the login when --username is given. */
async function addAgent(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', ADD_HELP);
  const name = required(v, 'name', ADD_HELP);
  const maxConcurrent = str(v['max-concurrent']);
  const input = parseFlags(agentCreate, {
    merchantId: str(v.merchant),
    name,
    maxConcurrent: maxConcurrent === undefined ? undefined : Number(maxConcurrent),
    canActOnColleagues: v['can-act-on-colleagues'] === true ? true : undefined,
  });
  // Checked before anything is written, so a bad login leaves no agent behind.
  const username = str(v.username) === undefined ? undefined : checkedUsername(str(v.username) as string);
  const password = username === undefined ? undefined : checkedPassword(ctx, str(v.password));
  const agent = await usage(createAgent(ctx.admin, OPERATOR, channelId, input));
  ctx.print(`added agent ${agent.id} (${agent.name})`);
  if (username !== undefined && password !== undefined) {
    const account = await createAccount(ctx.admin, OPERATOR, { username, password, grant: { role: 'agent', agentId: agent.id } });
    ctx.print(`login ${account.username} can sign in`);
  }
  return 0;
}

export const agentsGroup: Group = {
  help: 'kefu agents add|list|set-password|archive|unarchive|delete   (each has --help)',
  actions: {
    ...archiveActions('agent', 'agents'),
    add: {
      help: ADD_HELP,
      options: {
        channel: s,
        name: s,
        merchant: s,
        'max-concurrent': s,
        'can-act-on-colleagues': { type: 'boolean' },
        username: s,
        password: s,
      },
      run: addAgent,
    },
    list: {
      help: LIST_HELP,
      options: { channel: s, merchant: s, archived: s },
      run: async (v, ctx) => {
        const channelId = required(v, 'channel', LIST_HELP);
        const agents = byArchive(await usage(listAgents(ctx.admin, OPERATOR, channelId, str(v.merchant))), archivedFlag(v));
        const logins = (await loginNames(ctx.admin)).agents;
        ctx.print(['id', 'merchant', 'status', 'max', 'login', 'name'].join('\t'));
        for (const a of agents)
          ctx.print([a.id, a.merchantId ?? '-', a.status, a.maxConcurrent, logins.get(a.id) ?? '-', a.name].join('\t'));
        return 0;
      },
    },
    'set-password': {
      help: PASSWORD_HELP,
      options: { username: s, password: s },
      run: async (v, ctx) => {
        const username = required(v, 'username', PASSWORD_HELP).toLowerCase();
        const account = await findAccount(ctx.admin, username);
        if (!account) {
          ctx.print(`no login ${username}`);
          return 1;
        }
        await setAccountPassword(ctx.admin, OPERATOR, account.id, checkedPassword(ctx, str(v.password)));
        ctx.print(`password of ${username} set; its sessions ended`);
        return 0;
      },
    },
  },
};
