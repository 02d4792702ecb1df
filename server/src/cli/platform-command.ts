// `kefu platform show|set`: the open platform (第三方平台) our server is. Secrets come from flags or, better
// (flags show in `ps`), from the environment; `show` prints none of them, only whether they are set.
import { OPERATOR } from '../app/auth/principal';
import { configurePlatform, readPlatform, type PublicPlatform } from '../app/open-platform/index';
import { platformChange } from '../contract/open-platform';
import { flagOrEnv, usage, UsageError, type CliContext } from './cli-context';
import { parseFlags } from './input';
import { str, type Group } from './subcommands';

const SET_HELP = `kefu platform set [--component-app-id WXID]

Configures the open platform (第三方平台); the first time needs every value, later absent ones are kept.
Secrets (a flag, or the environment variable, which does not show in the process list):
  --app-secret        KEFU_COMPONENT_APP_SECRET       the component AppSecret
  --token             KEFU_COMPONENT_TOKEN            the platform's 消息校验Token
  --encoding-aes-key  KEFU_COMPONENT_ENCODING_AES_KEY the platform's 消息加解密Key

WeChat's console then takes, on this server's public origin:
  授权事件接收URL       /wechat/component/events
  消息与事件接收URL     /wechat/component/$APPID$/messages
  授权发起页域名         this server's host (the authorization redirect is /wechat/component/authorized)`;

const SHOW_HELP = `kefu platform show [--json]

The open platform's settings without any secret, the latest ticket's age and the URLs for WeChat's console.`;

function platformOf(ctx: CliContext): NonNullable<CliContext['platform']> {
  if (!ctx.platform) throw new UsageError('the open platform is not available here');
  return ctx.platform;
}

function printPlatform(ctx: CliContext, p: PublicPlatform): void {
  ctx.print(`componentAppId\t${p.componentAppId ?? '-'}`);
  ctx.print(`secrets\t${p.configured ? 'set' : '-'}`);
  ctx.print(
    `ticket\t${p.ticketReceivedAt === null ? '-' : `${new Date(p.ticketReceivedAt).toISOString()}${p.ticketValid ? '' : ' (expired)'}`}`,
  );
  ctx.print(`eventsPath\t${p.eventsPath}`);
  ctx.print(`messagesPath\t${p.messagesPath}`);
}

export const platformGroup: Group = {
  help: 'kefu platform show|set   (each has --help)',
  actions: {
    show: {
      help: SHOW_HELP,
      options: { json: { type: 'boolean' } },
      run: async (v, ctx) => {
        const p = await readPlatform(platformOf(ctx));
        if (v.json === true) ctx.print(JSON.stringify(p, null, 2));
        else printPlatform(ctx, p);
        return 0;
      },
    },
    set: {
      help: SET_HELP,
      options: {
        'component-app-id': { type: 'string' },
        'app-secret': { type: 'string' },
        token: { type: 'string' },
        'encoding-aes-key': { type: 'string' },
      },
      run: async (v, ctx) => {
        // Field names and rules only: the input holds secrets.
        const change = parseFlags(platformChange, {
          componentAppId: str(v['component-app-id']),
          appSecret: flagOrEnv(ctx, str(v['app-secret']), '--app-secret', 'KEFU_COMPONENT_APP_SECRET'),
          token: flagOrEnv(ctx, str(v.token), '--token', 'KEFU_COMPONENT_TOKEN'),
          encodingAesKey: flagOrEnv(ctx, str(v['encoding-aes-key']), '--encoding-aes-key', 'KEFU_COMPONENT_ENCODING_AES_KEY'),
        });
        const p = await usage(configurePlatform({ ...ctx.admin, ...platformOf(ctx) }, change, OPERATOR));
        ctx.print(`open platform ${p.componentAppId} configured; events URL path: ${p.eventsPath}; message URL path: ${p.messagesPath}`);
        return 0;
      },
    },
  },
};
