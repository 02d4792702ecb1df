// `kefu accounts add|list|set-grant|remove`: login accounts of any role, the supervisor's and the several-channel
// agent's included (`kefu agents add --username` makes a one-agent login on the way). Passwords come from
// --password or KEFU_PASSWORD and are stored only as scrypt hashes; lists never show them.
import { createAccount, findAccount, listAccounts, removeAccount, setAccountGrant } from '../app/admin/accounts';
import { OPERATOR } from '../app/auth/principal';
import { usage } from './cli-context';
import { GRANT_HELP, GRANT_OPTIONS, grantFrom, grantScopeText } from './grant-flags';
import { checkedPassword, checkedUsername } from './input';
import { required, str, type Group } from './subcommands';

const ADD_HELP = `kefu accounts add --username NAME [--password P | env KEFU_PASSWORD]
                  ${GRANT_HELP}

A supervisor sees and reassigns every conversation of its channel (or merchant) and reads the reports; it
changes no settings. An agent login with several agents (one per channel) answers in each of their channels.`;
const LIST_HELP = 'kefu accounts list   (usernames, roles and scopes; never passwords)';
const GRANT_CHANGE_HELP = `kefu accounts set-grant --username NAME
                        ${GRANT_HELP}

Changes what the login may do from its next request on (link an agent's login to its agents in other
channels, say); its sessions stay.`;
const REMOVE_HELP = 'kefu accounts remove --username NAME   (ends its sessions)';

const iso = (ms: number) => new Date(ms).toISOString();

export const accountsGroup: Group = {
  help: 'kefu accounts add|list|set-grant|remove   (each has --help)',
  actions: {
    add: {
      help: ADD_HELP,
      options: { username: { type: 'string' }, password: { type: 'string' }, ...GRANT_OPTIONS },
      run: async (v, ctx) => {
        const username = checkedUsername(required(v, 'username', ADD_HELP));
        const grant = grantFrom(v, ADD_HELP);
        const password = checkedPassword(ctx, str(v.password));
        const account = await usage(createAccount(ctx.admin, OPERATOR, { username, password, grant }));
        ctx.print(`login ${account.username} (${account.grant.role} ${grantScopeText(account.grant)}) can sign in`);
        return 0;
      },
    },
    list: {
      help: LIST_HELP,
      options: {},
      run: async (_v, ctx) => {
        ctx.print(['id', 'role', 'scope', 'created', 'username'].join('\t'));
        for (const a of await listAccounts(ctx.admin, OPERATOR))
          ctx.print([a.id, a.grant.role, grantScopeText(a.grant), iso(a.createdAt), a.username].join('\t'));
        return 0;
      },
    },
    'set-grant': {
      help: GRANT_CHANGE_HELP,
      options: { username: { type: 'string' }, ...GRANT_OPTIONS },
      run: async (v, ctx) => {
        const account = await findAccount(ctx.admin, required(v, 'username', GRANT_CHANGE_HELP));
        const grant = grantFrom(v, GRANT_CHANGE_HELP);
        if (!account) {
          ctx.print(`no login ${str(v.username)}`);
          return 1;
        }
        const changed = await usage(setAccountGrant(ctx.admin, OPERATOR, account.id, grant));
        ctx.print(`login ${changed.username} is now ${changed.grant.role} ${grantScopeText(changed.grant)}`);
        return 0;
      },
    },
    remove: {
      help: REMOVE_HELP,
      options: { username: { type: 'string' } },
      run: async (v, ctx) => {
        const account = await findAccount(ctx.admin, required(v, 'username', REMOVE_HELP));
        if (!account) {
          ctx.print(`no login ${str(v.username)}`);
          return 1;
        }
        await removeAccount(ctx.admin, OPERATOR, account.id);
        ctx.print(`removed ${account.username}`);
        return 0;
      },
    },
  },
};
