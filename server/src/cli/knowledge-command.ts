// `kefu knowledge list|add|disable|import|export`: the knowledge base from the command line, on the same
// database file as the server (which notices the change through the store's revision within a second).
import { readFileSync, writeFileSync } from 'node:fs';
import { entryFields } from '../knowledge/entry';
import type { ExportFormat } from '../knowledge/entry-codec';
import type { KnowledgeService } from '../knowledge/knowledge-service';
import type { Scope } from '../knowledge/knowledge-store';
import type { CliContext } from './cli-context';
import { audited, exportTaken, knowledgeChange, recordChange } from '../app/support/audit';
import { OPERATOR } from '../app/auth/principal';
import { UsageError } from './send-command';
import { required, str, type Group } from './subcommands';

const s = { type: 'string' } as const;
const b = { type: 'boolean' } as const;
const SCOPE = '--channel ID [--merchant ID]';
const LIST_HELP = `kefu knowledge list ${SCOPE}`;
const ADD_HELP = `kefu knowledge add ${SCOPE} --json '{"number":1,"type":"text","keywords":["菜单"],"text":"..."}' [--similar "..."]...

Adds or replaces the entry with that number (fields as in the API and the JSON export). Each --similar
adds a similar question (相似问法: another way customers ask for it) to those of the JSON.`;
const DISABLE_HELP = `kefu knowledge disable ${SCOPE} --number N`;
const IMPORT_HELP = `kefu knowledge import ${SCOPE} --file PATH [--format csv|json] [--replace]

Adds or replaces entries by number; --replace deletes the entries the file does not contain.
A CSV may be UTF-8 (with or without BOM) or GBK/GB18030 (Excel's plain CSV on Chinese Windows); picture
URLs of image and card entries are fetched and stored with the knowledge base.`;
const EXPORT_HELP = `kefu knowledge export ${SCOPE} --file PATH [--format csv|json]`;
const SYNONYMS_HELP = `kefu knowledge synonyms ${SCOPE} [--import PATH | --export PATH]

The knowledge base's own synonyms, added to the robot's built-in vocabulary. CSV: one group of words
that mean the same per line, one word per cell, no header. --import replaces them all; without an
option the groups are printed.`;

async function open(ctx: CliContext): Promise<KnowledgeService> {
  if (!ctx.knowledge) throw new UsageError('no knowledge base in this context');
  await ctx.knowledge.reload();
  return ctx.knowledge;
}

function scope(v: Record<string, string | boolean | undefined>, help: string): Scope {
  const merchantId = str(v.merchant);
  return { channelId: required(v, 'channel', help), ...(merchantId !== undefined && { merchantId }) };
}

function format(v: Record<string, string | boolean | undefined>, file: string): ExportFormat {
  const f = str(v.format) ?? (file.endsWith('.csv') ? 'csv' : 'json');
  if (f !== 'csv' && f !== 'json') throw new UsageError('--format: csv or json');
  return f;
}

/** The --similar questions appended to the JSON's own (the schema then checks them all). */
function withSimilar(raw: unknown, similar: string[]): unknown {
  if (similar.length === 0 || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const own = (raw as { similarQuestions?: unknown }).similarQuestions;
  return { ...raw, similarQuestions: [...(Array.isArray(own) ? own : []), ...similar] };
}

export const knowledgeGroup: Group = {
  help: 'kefu knowledge list|add|disable|import|export|synonyms   (each has --help)',
  actions: {
    list: {
      help: LIST_HELP,
      options: { channel: s, merchant: s },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        ctx.print(['number', 'type', 'enabled', 'keywords', 'title/text', 'similar'].join('\t'));
        for (const e of kb.list(scope(v, LIST_HELP))) {
          const what = (e.title ?? e.text ?? '').slice(0, 40);
          ctx.print([e.number, e.type, e.enabled, e.keywords.join('|'), what, e.similarQuestions.length].join('\t'));
        }
        return 0;
      },
    },
    add: {
      help: ADD_HELP,
      options: { channel: s, merchant: s, json: s, similar: { type: 'string', multiple: true } },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        let raw: unknown;
        try {
          raw = JSON.parse(required(v, 'json', ADD_HELP));
        } catch {
          throw new UsageError('--json: not valid JSON');
        }
        const parsed = entryFields.safeParse(withSimilar(raw, (v as { similar?: string[] }).similar ?? []));
        if (!parsed.success)
          throw new UsageError(`--json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        const where = scope(v, ADD_HELP);
        const save = () => kb.import(where, JSON.stringify([parsed.data]), 'json', false);
        await audited(ctx.admin, OPERATOR, save, () => knowledgeChange(where, 'entry.import', parsed.data.number, undefined, parsed.data));
        ctx.print(`entry ${parsed.data.number} saved`);
        return 0;
      },
    },
    disable: {
      help: DISABLE_HELP,
      options: { channel: s, merchant: s, number: s },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        const number = Number(required(v, 'number', DISABLE_HELP));
        const where = scope(v, DISABLE_HELP);
        const before = kb.get(where, number);
        const disable = () => kb.update(where, number, { enabled: false });
        await audited(ctx.admin, OPERATOR, disable, (after) => knowledgeChange(where, 'entry.change', number, before, after));
        ctx.print(`entry ${number} disabled`);
        return 0;
      },
    },
    import: {
      help: IMPORT_HELP,
      options: { channel: s, merchant: s, file: s, format: s, replace: b },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        const file = required(v, 'file', IMPORT_HELP);
        const where = scope(v, IMPORT_HELP);
        const load = () => kb.import(where, readFileSync(file), format(v, file), v.replace === true);
        const n = await audited(ctx.admin, OPERATOR, load, (imported) =>
          knowledgeChange(where, 'entry.import', 'entries', undefined, { imported, file, replace: v.replace === true }),
        );
        ctx.print(`imported ${n} entries`);
        return 0;
      },
    },
    export: {
      help: EXPORT_HELP,
      options: { channel: s, merchant: s, file: s, format: s },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        const file = required(v, 'file', EXPORT_HELP);
        const where = scope(v, EXPORT_HELP);
        writeFileSync(file, kb.export(where, format(v, file)), { mode: 0o600 });
        await recordChange(ctx.admin, OPERATOR, exportTaken('kefu knowledge export', where, { file }));
        ctx.print(`exported to ${file}`);
        return 0;
      },
    },
    synonyms: {
      help: SYNONYMS_HELP,
      options: { channel: s, merchant: s, import: s, export: s },
      run: async (v, ctx) => {
        const kb = await open(ctx);
        const where = scope(v, SYNONYMS_HELP);
        const [from, to] = [str(v.import), str(v.export)];
        if (from !== undefined && to !== undefined) throw new UsageError(`--import or --export, not both\n\n${SYNONYMS_HELP}`);
        if (from !== undefined) {
          const before = kb.synonyms(where);
          const load = () => kb.importSynonyms(where, readFileSync(from, 'utf8'));
          const groups = await audited(ctx.admin, OPERATOR, load, (after) =>
            knowledgeChange(where, 'synonyms.replace', 'synonyms', before, after),
          );
          ctx.print(`imported ${groups.length} groups`);
        } else if (to !== undefined) {
          writeFileSync(to, kb.exportSynonyms(where), { mode: 0o600 });
          await recordChange(ctx.admin, OPERATOR, exportTaken('kefu knowledge synonyms --export', where, { file: to }));
          ctx.print(`exported to ${to}`);
        } else for (const group of kb.synonyms(where)) ctx.print(group.join(', '));
        return 0;
      },
    },
  },
};
