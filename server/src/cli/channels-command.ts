// `kefu channels add|change|end-grace|list|remove`. Secrets come from flags or, better (flags show in `ps`), from the
// environment; `list` shows none of them.
import { endGrace } from '../app/admin/channel-changes';
import { channelConfigActions } from './channel-config-command';
import { changeChannel, createChannel, deleteChannel, listChannels } from '../app/admin/channels';
import { OPERATOR } from '../app/auth/principal';
import { publicChannel } from '../core/ports/channel-store';
import { channelCreate, channelUpdate } from '../contract/channel';
import { falseWhenMissing, flagOrEnv, usage, type CliContext } from './cli-context';
import { parseFlags } from './input';
import { required, str, type Group } from './subcommands';
import { archiveActions } from './archive-command';

const ADD_HELP = `kefu channels add --id ID --name NAME --kind miniprogram|official_account --app-id WXID
                  --original-id GH_ID --mode plaintext|compatible|secure [--format xml|json]
                  [--token-source stable|basic] [--replay-window SECONDS] [--grace-seconds SECONDS]

--replay-window: pushes further than this from now are refused (default 300 for plaintext, none otherwise).
--grace-seconds: after a change of Token, EncodingAESKey or mode, the previous values stay valid this long
                 (default 1800; 0: none).

Secrets (a flag, or the environment variable, which does not show in the process list):
  --app-secret        KEFU_APP_SECRET         the AppSecret
  --token             KEFU_PUSH_TOKEN         the push Token of 消息推送配置
  --encoding-aes-key  KEFU_ENCODING_AES_KEY   required for compatible and secure mode
  --union-id-key      KEFU_UNION_ID_KEY       optional: decrypts the kit's UnionID`;

const LIST_HELP = `kefu channels list [--json]

Lists channels without any secret (only whether the optional ones are set).`;

const REMOVE_HELP = `kefu channels remove --id ID`;

const CHANGE_HELP = `kefu channels change --id ID [--mode plaintext|compatible|secure] [--replay-window SECONDS|off]
                     [--grace-seconds SECONDS]
  --token             KEFU_PUSH_TOKEN         a new push Token
  --encoding-aes-key  KEFU_ENCODING_AES_KEY   a new EncodingAESKey

The previous Token, EncodingAESKey and mode stay valid for the grace period: save WeChat's console next.`;

const END_GRACE_HELP = `kefu channels end-grace --id ID

Refuses the previous Token, EncodingAESKey and mode now (once WeChat's console holds the new ones).`;

/** A number flag as the schema should see it: NaN (refused, naming the flag) when it is not one. */
const num = (v: string | boolean | undefined): number | undefined => (typeof v === 'string' ? Number(v) : undefined);

const s = { type: 'string' } as const;

export const channelsGroup: Group = {
  help: `kefu channels add|change|end-grace|list|remove|archive|unarchive|delete|export-config|import-config   (each has --help)`,
  actions: {
    ...channelConfigActions,
    add: {
      help: ADD_HELP,
      options: {
        id: s,
        name: s,
        kind: s,
        'app-id': s,
        'original-id': s,
        mode: s,
        format: s,
        'token-source': s,
        'app-secret': s,
        token: s,
        'encoding-aes-key': s,
        'union-id-key': s,
        'replay-window': s,
        'grace-seconds': s,
      },
      run: async (v, ctx) => {
        const input = {
          id: required(v, 'id', ADD_HELP),
          name: str(v.name) ?? required(v, 'id', ADD_HELP),
          kind: required(v, 'kind', ADD_HELP),
          appId: required(v, 'app-id', ADD_HELP),
          originalId: required(v, 'original-id', ADD_HELP),
          mode: required(v, 'mode', ADD_HELP),
          format: str(v.format) ?? 'xml',
          tokenSource: str(v['token-source']) ?? 'stable',
          appSecret: flagOrEnv(ctx, str(v['app-secret']), '--app-secret', 'KEFU_APP_SECRET', true),
          token: flagOrEnv(ctx, str(v.token), '--token', 'KEFU_PUSH_TOKEN', true),
          encodingAesKey: flagOrEnv(ctx, str(v['encoding-aes-key']), '--encoding-aes-key', 'KEFU_ENCODING_AES_KEY'),
          unionIdKey: flagOrEnv(ctx, str(v['union-id-key']), '--union-id-key', 'KEFU_UNION_ID_KEY'),
          replayWindowSeconds: num(v['replay-window']),
          graceSeconds: num(v['grace-seconds']),
        };
        // Field names and rules only: the input holds secrets.
        const channel = await usage(createChannel(ctx.admin, parseFlags(channelCreate, input), OPERATOR));
        ctx.print(`added channel ${channel.id}; push URL path: /wechat/${channel.id}`);
        return 0;
      },
    },
    change: {
      help: CHANGE_HELP,
      options: { id: s, mode: s, token: s, 'encoding-aes-key': s, 'replay-window': s, 'grace-seconds': s },
      run: async (v, ctx) => {
        const id = required(v, 'id', CHANGE_HELP);
        const window = str(v['replay-window']);
        const change = parseFlags(channelUpdate, {
          mode: str(v.mode),
          token: flagOrEnv(ctx, str(v.token), '--token', 'KEFU_PUSH_TOKEN'),
          encodingAesKey: flagOrEnv(ctx, str(v['encoding-aes-key']), '--encoding-aes-key', 'KEFU_ENCODING_AES_KEY'),
          replayWindowSeconds: window === 'off' ? null : num(v['replay-window']),
          graceSeconds: num(v['grace-seconds']),
        });
        const channel = await usage(changeChannel(ctx.admin, OPERATOR, id, change));
        ctx.print(`changed channel ${channel.id}${graceLine(channel.previousValidUntil)}`);
        return 0;
      },
    },
    'end-grace': {
      help: END_GRACE_HELP,
      options: { id: s },
      run: async (v, ctx) => {
        const channel = await usage(endGrace(ctx.admin, OPERATOR, required(v, 'id', END_GRACE_HELP)));
        ctx.print(`channel ${channel.id}: only the current Token, EncodingAESKey and mode are accepted`);
        return 0;
      },
    },
    ...archiveActions('channel', 'channels'),
    list: {
      help: LIST_HELP,
      options: { json: { type: 'boolean' } },
      run: async (v, ctx) => printChannels(ctx, v.json === true),
    },
    remove: {
      help: REMOVE_HELP,
      options: { id: s },
      run: async (v, ctx) => {
        const id = required(v, 'id', REMOVE_HELP);
        if (!(await falseWhenMissing(deleteChannel(ctx.admin, OPERATOR, id)))) {
          ctx.print(`no channel ${id}`);
          return 1;
        }
        ctx.print(`removed channel ${id}`);
        return 0;
      },
    },
  },
};

async function printChannels(ctx: CliContext, json: boolean): Promise<number> {
  const channels = (await listChannels(ctx.admin, OPERATOR)).map(publicChannel);
  if (json) {
    ctx.print(JSON.stringify(channels, null, 2));
    return 0;
  }
  ctx.print(
    [
      'id',
      'kind',
      'appId',
      'mode',
      'format',
      'aesKey',
      'unionIdKey',
      'replayWindow',
      'graceUntil',
      'lastVerified',
      'lastPush',
      'name',
    ].join('\t'),
  );
  for (const c of channels)
    ctx.print(
      [
        c.id,
        c.kind,
        c.appId,
        c.mode,
        c.format,
        c.hasEncodingAesKey ? 'set' : '-',
        c.hasUnionIdKey ? 'set' : '-',
        c.replayWindowSeconds === null ? '-' : `${c.replayWindowSeconds}s`,
        isoOrDash(c.previousValidUntil),
        isoOrDash(c.lastVerifiedAt),
        isoOrDash(c.lastPushAt),
        c.name,
      ].join('\t'),
    );
  return 0;
}

const isoOrDash = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString());

function graceLine(until: number | null): string {
  return until === null ? '' : `; the previous Token, EncodingAESKey and mode are accepted until ${new Date(until).toISOString()}`;
}
