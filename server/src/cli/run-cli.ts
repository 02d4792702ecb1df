// The `kefu` command line without the process around it (main.ts supplies argv, env and the stores), so
// tests can run commands in-process as well as through the bundle.
import type { CliContext } from './cli-context';
import { accountsGroup } from './accounts-command';
import { agentsGroup } from './agents-command';
import { calendarsGroup, groupsGroup } from './archive-command';
import { channelsGroup } from './channels-command';
import { exportGroup } from './export-command';
import { knowledgeGroup } from './knowledge-command';
import { quickRepliesGroup } from './quick-replies-command';
import { merchantsGroup } from './merchants-command';
import { platformGroup } from './platform-command';
import { serveCommand } from './serve-command';
import { UsageError } from './send-command';
import { runGroup, type Group } from './subcommands';
import { tokensGroup } from './tokens-command';

export const HELP = `kefu COMMAND [options]   (each command has --help)

Commands:
  serve                          start the server
  channels add|list|remove       WeChat channels (secrets from flags or environment; never listed)
  agents add|list|set-password   agents and their logins
  accounts add|list|set-grant|remove   logins of any role: supervisors, agents of several channels
  merchants add|list|add-admin   merchants of platform mini programs (customerCode) and their admins
  groups, calendars              skill groups and work calendars
  (channels, agents, merchants, groups, calendars) archive|unarchive|delete --id ID
  tokens create|list|revoke      API tokens (shown once at creation)
  export channels|conversations  CSV files, 2000 rows per file, without secrets
  knowledge list|add|disable|import|export   the robot's knowledge base (CSV or JSON)
  platform show|set              the open platform (第三方平台): component AppID and secrets (never shown)
  quick-replies list|add|remove|import|export   a team's quick replies (CSV)
  send                           send a customer-service message through WeChat's API

Environment: DATA_DIR, KEFU_MASTER_KEY, KEFU_CHANNELS_FILE, WECHAT_API_BASE_URL (see the README).
Exit codes: 0 done, 1 failed, 2 usage error.`;

const GROUPS: Record<string, Group> = {
  channels: channelsGroup,
  agents: agentsGroup,
  accounts: accountsGroup,
  tokens: tokensGroup,
  export: exportGroup,
  knowledge: knowledgeGroup,
  'quick-replies': quickRepliesGroup,
  merchants: merchantsGroup,
  groups: groupsGroup,
  calendars: calendarsGroup,
  platform: platformGroup,
};

export interface CliRuntime {
  print(line: string): void;
  /** Opens the stores and runs `work` with them; closes them afterwards. */
  withStores(work: (ctx: CliContext) => Promise<number>): Promise<number>;
  /** `kefu send`, which needs the channels file and WeChat (see send-command.ts). */
  send(argv: string[]): Promise<number>;
}

/** A context for printing help only: no command that reaches a store runs with it. */
function helpOnly(print: (line: string) => void): CliContext {
  const none = () => {
    throw new Error('no store for help');
  };
  return { print, env: {}, admin: new Proxy({}, { get: none }) as never };
}

export async function runCli(argv: string[], rt: CliRuntime): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    rt.print(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'send') return rt.send(rest);
  if (command === 'serve') return serveCommand(rest, rt.print);
  const group = GROUPS[command];
  if (!group) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  const [action] = rest;
  if (action === undefined || action === '--help' || action === 'help' || rest.includes('--help'))
    return runGroup(group, rest, helpOnly(rt.print));
  return rt.withStores((ctx) => runGroup(group, rest, ctx));
}
