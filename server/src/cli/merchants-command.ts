// `kefu merchants add|list|add-admin`: issue 8's merchants (platform_action.customerCode selects one) and
// the logins of their admins. Mirrors agents-command.ts: passwords from --password or KEFU_PASSWORD,
// stored only as scrypt hashes, never printed.
import type { Merchant } from '../core/model/merchant';
import { newId } from '../http/api/auth/secrets';
import { password as passwordSchema, username as usernameSchema } from '../contract/auth';
import { merchantCreate } from '../contract/team';
import { authService, flagOrEnv, type CliContext } from './cli-context';
import { UsageError } from './send-command';
import { required, type Group } from './subcommands';

const ADD_HELP = `kefu merchants add --channel ID --code CODE --name NAME

Creates a merchant of a channel. CODE is the platform_action customerCode the mini program sends for it.`;
const LIST_HELP = `kefu merchants list --channel ID

Lists a channel's merchants with their admins' logins.`;
const ADMIN_HELP = `kefu merchants add-admin --merchant ID --username NAME [--password P | env KEFU_PASSWORD]

Creates a merchant admin login: it sees and manages that merchant's data only.`;

const s = { type: 'string' } as const;

async function addMerchant(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', ADD_HELP);
  const parsed = merchantCreate.safeParse({ code: required(v, 'code', ADD_HELP), name: required(v, 'name', ADD_HELP) });
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.path.join('.') ?? 'input'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (!(await ctx.channels.get(channelId))) throw new UsageError(`no channel ${channelId}`);
  // "mer_" ids, as the REST API makes them, so none can be mistaken for the "platform" filter value.
  const merchant: Merchant = { id: newId('mer'), channelId, code: parsed.data.code, name: parsed.data.name };
  await ctx.uow.run(async (tx) => {
    if (await tx.merchants.findByCode(channelId, merchant.code)) throw new UsageError(`merchant code ${merchant.code} is taken in channel ${channelId}`);
    await tx.merchants.save(merchant);
  });
  ctx.print(`added merchant ${merchant.id} (${merchant.code}, ${merchant.name})`);
  return 0;
}

async function listMerchants(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const channelId = required(v, 'channel', LIST_HELP);
  const merchants = await ctx.uow.run((tx) => tx.merchants.listByChannel(channelId));
  const admins = new Map<string, string[]>();
  for (const a of await ctx.auth.accounts.list()) {
    if (a.grant.role === 'merchant_admin') admins.set(a.grant.merchantId, [...(admins.get(a.grant.merchantId) ?? []), a.username]);
  }
  ctx.print(['id', 'code', 'admins', 'name'].join('\t'));
  for (const m of merchants) ctx.print([m.id, m.code, admins.get(m.id)?.join(',') ?? '-', m.name].join('\t'));
  return 0;
}

async function addAdmin(v: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number> {
  const merchantId = required(v, 'merchant', ADMIN_HELP);
  const username = required(v, 'username', ADMIN_HELP);
  if (!usernameSchema.safeParse(username).success) throw new UsageError('--username: 3 to 64 letters, digits, _ . @ -');
  const password = flagOrEnv(ctx, typeof v.password === 'string' ? v.password : undefined, '--password', 'KEFU_PASSWORD', true);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new UsageError(`--password: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  const merchant = await ctx.uow.run((tx) => tx.merchants.get(merchantId));
  if (!merchant) throw new UsageError(`no merchant ${merchantId}`);
  const account = await authService(ctx).createAccount(username, password, { role: 'merchant_admin', channelId: merchant.channelId, merchantId: merchant.id });
  ctx.print(`login ${account.username} administers merchant ${merchant.id} (${merchant.name})`);
  return 0;
}

export const merchantsGroup: Group = {
  help: 'kefu merchants add|list|add-admin   (each has --help)',
  actions: {
    add: { help: ADD_HELP, options: { channel: s, code: s, name: s }, run: addMerchant },
    list: { help: LIST_HELP, options: { channel: s }, run: listMerchants },
    'add-admin': { help: ADMIN_HELP, options: { merchant: s, username: s, password: s }, run: addAdmin },
  },
};
