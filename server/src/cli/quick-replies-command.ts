// `kefu quick-replies list|add|remove|import|export`: a team's quick replies (快捷回复) from the command
// line, through the same stories as the API with the operator as a platform admin (agents' own replies
// are theirs: the workbench and the API). CSV as the API's: UTF-8 or GBK, titles added or replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { OPERATOR } from '../app/auth/principal';
import { fromEngine } from '../app/errors';
import {
  createQuickReply,
  importQuickReplies,
  listQuickReplies,
  removeQuickReply,
  type OwnerQuery,
  type QuickReplyDeps,
} from '../app/quick-replies/index';
import { exportQuickRepliesCsv, importQuickRepliesCsv } from '../knowledge/quick-reply-csv';
import { exportTaken, recordChange } from '../app/support/audit';
import { usage, type CliContext } from './cli-context';
import { UsageError } from './send-command';
import { required, str, type Group } from './subcommands';

const s = { type: 'string' } as const;
const SCOPE = '--channel ID [--merchant ID]';
const LIST_HELP = `kefu quick-replies list ${SCOPE}`;
const ADD_HELP = `kefu quick-replies add ${SCOPE} --title TEXT --text TEXT [--picture media:ID]

Placeholders as in the knowledge base: [name] the customer's nickname, [id] their number, {br} a line break.`;
const REMOVE_HELP = `kefu quick-replies remove --id ID`;
const IMPORT_HELP = `kefu quick-replies import ${SCOPE} --file PATH

CSV with the columns title,text,picture,cardTitle,cardPagePath,cardThumbMedia,cardAppId (UTF-8 or GBK);
new titles are added, existing ones replaced; a bad row refuses the whole file.`;
const EXPORT_HELP = `kefu quick-replies export ${SCOPE} --file PATH`;

function depsOf(ctx: CliContext): QuickReplyDeps {
  if (!ctx.quickReplies) throw new UsageError('no quick replies in this context');
  const kb = ctx.knowledge;
  return { ...ctx.admin, replies: ctx.quickReplies, ...(kb && { media: (id: string) => kb.media(id) }) };
}

const team = (v: Record<string, string | boolean | undefined>, help: string): OwnerQuery => ({
  channelId: required(v, 'channel', help),
  scope: 'team',
  merchantId: str(v.merchant),
});

export const quickRepliesGroup: Group = {
  help: 'kefu quick-replies list|add|remove|import|export   (each has --help)',
  actions: {
    list: {
      help: LIST_HELP,
      options: { channel: s, merchant: s },
      run: async (v, ctx) => {
        ctx.print(['id', 'title', 'text', 'picture/card'].join('\t'));
        for (const r of await usage(listQuickReplies(depsOf(ctx), OPERATOR, team(v, LIST_HELP))))
          ctx.print([r.id, r.title, r.text.replace(/\n/g, ' ').slice(0, 40), r.picture ?? (r.card ? 'card' : '')].join('\t'));
        return 0;
      },
    },
    add: {
      help: ADD_HELP,
      options: { channel: s, merchant: s, title: s, text: s, picture: s },
      run: async (v, ctx) => {
        const picture = str(v.picture);
        const fields = { title: required(v, 'title', ADD_HELP), text: str(v.text) ?? '', ...(picture !== undefined && { picture }) };
        const r = await usage(createQuickReply(depsOf(ctx), OPERATOR, team(v, ADD_HELP), fields));
        ctx.print(r.id);
        return 0;
      },
    },
    remove: {
      help: REMOVE_HELP,
      options: { id: s },
      run: async (v, ctx) => {
        await usage(removeQuickReply(depsOf(ctx), OPERATOR, required(v, 'id', REMOVE_HELP)));
        return 0;
      },
    },
    import: {
      help: IMPORT_HELP,
      options: { channel: s, merchant: s, file: s },
      run: async (v, ctx) => {
        const file = readFileSync(required(v, 'file', IMPORT_HELP));
        const rows = await usage(
          Promise.resolve()
            .then(() => importQuickRepliesCsv(file))
            .catch((err: unknown) => Promise.reject(fromEngine(err))),
        );
        const { added, replaced } = await usage(importQuickReplies(depsOf(ctx), OPERATOR, team(v, IMPORT_HELP), rows));
        ctx.print(`added ${added}, replaced ${replaced}`);
        return 0;
      },
    },
    export: {
      help: EXPORT_HELP,
      options: { channel: s, merchant: s, file: s },
      run: async (v, ctx) => {
        const file = required(v, 'file', EXPORT_HELP);
        const owner = team(v, EXPORT_HELP);
        writeFileSync(file, exportQuickRepliesCsv(await usage(listQuickReplies(depsOf(ctx), OPERATOR, owner))));
        await recordChange(ctx.admin, OPERATOR, exportTaken('kefu quick-replies export', owner, { file }));
        return 0;
      },
    },
  },
};
