// `kefu export channels|conversations --out DIR`: CSV files of at most 2000 rows each (exports/csv.ts), with no
// password, secret or key in any of them: channels are exported through publicChannel's allow-list
// (exports/channel-rows.ts, shared with the API's download).
import { mkdirSync } from 'node:fs';
import { listChannels } from '../app/admin/channels';
import { everyConversationOf } from '../app/admin/conversations';
import { OPERATOR } from '../app/auth/principal';
import { exportTaken, recordChange } from '../app/support/audit';
import type { Conversation } from '../core/model/conversation';
import { CHANNEL_COLUMNS, channelRow } from '../exports/channel-rows';
import type { CliContext } from './cli-context';
import { SplitCsvWriter, isoCell, type Cell } from '../exports/csv';
import { required, str, type Group } from './subcommands';

const CHANNELS_HELP = `kefu export channels --out DIR

Writes DIR/channels.csv (then channels-2.csv, … every 2000 rows). No AppSecret, Token, EncodingAESKey
or UnionID key: only whether the optional keys are set.`;
const CONVERSATIONS_HELP = `kefu export conversations --out DIR [--channel ID]

Writes DIR/conversations.csv (then conversations-2.csv, … every 2000 rows), newest first.`;

const iso = isoCell;
async function exportChannels(dir: string, ctx: CliContext): Promise<string[]> {
  const out = new SplitCsvWriter(dir, 'channels', CHANNEL_COLUMNS);
  for (const c of await listChannels(ctx.admin, OPERATOR)) out.write(channelRow(c));
  return out.close();
}

const CONVERSATION_COLUMNS = [
  'id',
  'channelId',
  'merchantId',
  'customerId',
  'state',
  'agentId',
  'groupId',
  'createdAt',
  'queuedAt',
  'assignedAt',
  'firstAgentResponseAt',
  'endedAt',
  'endReason',
];

function conversationRow(c: Conversation): Cell[] {
  return [
    c.id,
    c.channelId,
    c.merchantId,
    c.customerId,
    c.state,
    c.agentId,
    c.groupId,
    iso(c.createdAt),
    iso(c.queuedAt),
    iso(c.assignedAt),
    iso(c.firstAgentResponseAt),
    iso(c.endedAt),
    c.endReason,
  ];
}

async function exportConversations(dir: string, channel: string | undefined, ctx: CliContext): Promise<string[]> {
  const out = new SplitCsvWriter(dir, 'conversations', CONVERSATION_COLUMNS);
  const channelIds = channel !== undefined ? [channel] : (await listChannels(ctx.admin, OPERATOR)).map((c) => c.id);
  for (const id of channelIds) for await (const c of everyConversationOf(ctx.admin, id)) out.write(conversationRow(c));
  return out.close();
}

async function report(ctx: CliContext, what: string, files: string[], channelId?: string): Promise<number> {
  await recordChange(ctx.admin, OPERATOR, exportTaken(what, { channelId }, { files }));
  for (const f of files) ctx.print(`wrote ${f}`);
  return 0;
}

export const exportGroup: Group = {
  help: 'kefu export channels|conversations --out DIR   (each has --help)',
  actions: {
    channels: {
      help: CHANNELS_HELP,
      options: { out: { type: 'string' } },
      run: async (v, ctx) => {
        const dir = required(v, 'out', CHANNELS_HELP);
        mkdirSync(dir, { recursive: true });
        return report(ctx, 'kefu export channels', await exportChannels(dir, ctx));
      },
    },
    conversations: {
      help: CONVERSATIONS_HELP,
      options: { out: { type: 'string' }, channel: { type: 'string' } },
      run: async (v, ctx) => {
        const dir = required(v, 'out', CONVERSATIONS_HELP);
        mkdirSync(dir, { recursive: true });
        return report(ctx, 'kefu export conversations', await exportConversations(dir, str(v.channel), ctx), str(v.channel));
      },
    },
  },
};
