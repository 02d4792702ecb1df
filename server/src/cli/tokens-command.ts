// `kefu tokens create|list|revoke`: API tokens. `create` prints the token once; only its hash is kept.
import { issueToken, listTokens, revokeToken } from '../app/admin/tokens';
import { OPERATOR } from '../app/auth/principal';
import { z } from 'zod';
import { name as nameSchema } from '../contract/common';
import { GRANT_HELP, GRANT_OPTIONS, grantFrom, grantScopeText } from './grant-flags';
import { falseWhenMissing, usage } from './cli-context';
import { parseFlags } from './input';
import { required, type Group } from './subcommands';

const CREATE_HELP = `kefu tokens create --name NAME ${GRANT_HELP}

Prints the new token once: store it now, it cannot be shown again.`;
const LIST_HELP = 'kefu tokens list   (ids, names, roles and use; never the tokens)';
const REVOKE_HELP = 'kefu tokens revoke --id TOKEN_ID';

const s = { type: 'string' } as const;

const iso = (ms: number | undefined) => (ms === undefined ? '-' : new Date(ms).toISOString());

export const tokensGroup: Group = {
  help: 'kefu tokens create|list|revoke   (each has --help)',
  actions: {
    create: {
      help: CREATE_HELP,
      options: { name: s, ...GRANT_OPTIONS },
      run: async (v, ctx) => {
        const { name } = parseFlags(z.strictObject({ name: nameSchema }), { name: required(v, 'name', CREATE_HELP) });
        const { token, record } = await usage(issueToken(ctx.admin, OPERATOR, name, grantFrom(v, CREATE_HELP)));
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
          ctx.print(
            [t.id, t.grant.role, grantScopeText(t.grant), iso(t.createdAt), iso(t.lastUsedAt), iso(t.revokedAt), t.name].join('\t'),
          );
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
