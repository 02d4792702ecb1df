// `kefu merchants add|list|add-admin`: a channel's merchants (platform_action.customerCode selects one) and
// the logins of their admins. Mirrors agents-command.ts: passwords from --password or KEFU_PASSWORD,
// stored only as scrypt hashes, never printed.
import { createAccount, loginNames } from '../app/admin/accounts';
import { createMerchant, listMerchants, readMerchant } from '../app/admin/merchants';
import { OPERATOR } from '../app/auth/principal';
import { merchantCreate } from '../contract/team';
import { usage, type CliContext } from './cli-context';
import { checkedPassword, checkedUsername, parseFlags } from './input';
import { required, type Group } from './subcommands';
import { byArchive } from '../app/admin/archived-filter';
import { archiveActions, archivedFlag } from './archive-command';

const ADD_HELP = `kefu merchants add --channel ID --code CODE --name NAME

Creates a merchant of a channel. CODE is the platform_action customerCode the mini program sends for it.`;
const LIST_HELP = `kefu merchants list --channel ID [--archived include|only]

Lists a channel's merchants with their admins' logins.`;
const ADMIN_HELP = `kefu merchants add-admin --merchant ID --username NAME [--password P | env KEFU_PASSWORD]

Creates a merchant admin login: it sees and manages that merchant's data only.`;

const s = { type: 'string' } as const;

async function addMerchant(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', ADD_HELP);
  const input = parseFlags(merchantCreate, { code: required(v, 'code', ADD_HELP), name: required(v, 'name', ADD_HELP) });
  const merchant = await usage(createMerchant(ctx.admin, OPERATOR, channelId, input));
  ctx.print(`added merchant ${merchant.id} (${merchant.code}, ${merchant.name})`);
  return 0;
}

async function listAll(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', LIST_HELP);
  const merchants = byArchive(await usage(listMerchants(ctx.admin, OPERATOR, channelId)), archivedFlag(v));
  const admins = (await loginNames(ctx.admin)).merchantAdmins;
  ctx.print(['id', 'code', 'admins', 'name'].join('\t'));
  for (const m of merchants) ctx.print([m.id, m.code, admins.get(m.id)?.join(',') ?? '-', m.name].join('\t'));
  return 0;
}

async function addAdmin(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const merchantId = required(v, 'merchant', ADMIN_HELP);
  const username = checkedUsername(required(v, 'username', ADMIN_HELP));
  const password = checkedPassword(ctx, typeof v.password === 'string' ? v.password : undefined);
  const merchant = await usage(readMerchant(ctx.admin, OPERATOR, merchantId));
  // A taken username is a failure (exit 1), not a usage error, as it always was.
  const account = await createAccount(ctx.admin, OPERATOR, {
    username,
    password,
    grant: { role: 'merchant_admin', channelId: merchant.channelId, merchantId: merchant.id },
  });
  ctx.print(`login ${account.username} administers merchant ${merchant.id} (${merchant.name})`);
  return 0;
}

export const merchantsGroup: Group = {
  help: 'kefu merchants add|list|add-admin|archive|unarchive|delete   (each has --help)',
  actions: {
    add: { help: ADD_HELP, options: { channel: s, code: s, name: s }, run: addMerchant },
    list: { help: LIST_HELP, options: { channel: s, archived: s }, run: listAll },
    ...archiveActions('merchant', 'merchants'),
    'add-admin': { help: ADMIN_HELP, options: { merchant: s, username: s, password: s }, run: addAdmin },
  },
};
