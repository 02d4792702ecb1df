// `kefu channels export-config|import-config`: a channel's configuration as one JSON file (settings, robot,
// calendars, notices, skill groups, merchants; never a secret) and back into a channel of this or another
// server. The file and its rules are the stories' (app/admin/channel-config-*.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { exportChannelConfig } from '../app/admin/channel-config-export';
import type { ChannelConfigFile } from '../app/admin/channel-config-file';
import { importChannelConfig } from '../app/admin/channel-config-import';
import { OPERATOR } from '../app/auth/principal';
import { channelConfigFile } from '../contract/channel-config';
import { describeIssues } from '../contract/validation';
import { usage } from './cli-context';
import { UsageError } from './send-command';
import { required, str, type Action } from './subcommands';

const EXPORT_HELP = `kefu channels export-config --id ID [--file PATH]

Writes the channel's configuration (routing and timer settings, robot, work calendars, notices, skill
groups, merchants) as one JSON file to PATH, or prints it. No AppSecret, Token, EncodingAESKey or UnionID
key, and no record ids: records refer to each other by name, merchants by customerCode.`;

const IMPORT_HELP = `kefu channels import-config --id ID --file PATH

Imports a file written by export-config into channel ID (which must exist: its AppID and secrets stay its
own). Merchants are matched by customerCode, calendars and skill groups by name within their merchant: a
match is updated and keeps its id, anything else is created; nothing is deleted. A bad file changes nothing.`;

const s = { type: 'string' } as const;

/** The file's JSON checked by the API's schema; its problems name the place in the file. */
function readConfigFile(path: string): ChannelConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--file: cannot read ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--file: ${path} is not JSON`);
  }
  const parsed = channelConfigFile.safeParse(json);
  if (!parsed.success) throw new UsageError(`--file: ${describeIssues('body', parsed.error.issues).replace(/(^|; )body\.?/g, '$1')}`);
  return parsed.data;
}

export const channelConfigActions: Record<string, Action> = {
  'export-config': {
    help: EXPORT_HELP,
    options: { id: s, file: s },
    run: async (v, ctx) => {
      const file = await usage(exportChannelConfig(ctx.admin, OPERATOR, required(v, 'id', EXPORT_HELP)));
      const json = `${JSON.stringify(file, null, 2)}\n`;
      const path = str(v.file);
      if (path === undefined) ctx.print(json.trimEnd());
      else {
        writeFileSync(path, json);
        ctx.print(
          `wrote ${path}: ${file.merchants.length} merchants, ${file.calendars.length} calendars, ${file.groups.length} skill groups`,
        );
      }
      return 0;
    },
  },
  'import-config': {
    help: IMPORT_HELP,
    options: { id: s, file: s },
    run: async (v, ctx) => {
      const id = required(v, 'id', IMPORT_HELP);
      const file = readConfigFile(required(v, 'file', IMPORT_HELP));
      const r = await usage(importChannelConfig(ctx.admin, OPERATOR, id, file));
      const line = (what: string, x: { created: string[]; updated: string[] }) =>
        `${what}: ${x.created.length} created, ${x.updated.length} updated`;
      ctx.print(
        `imported into channel ${id}; ${line('merchants', r.merchants)}; ${line('calendars', r.calendars)}; ${line('skill groups', r.groups)}`,
      );
      return 0;
    },
  },
};
