// Command line: play WeChat and send one push (or the URL verification) to a push URL.
// Build and run:  npx esbuild server/src/wechat/push-client/cli.ts --bundle --platform=node --outfile=build/push-cli.js
//                 node build/push-cli.js --help
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
import { parseArgs } from 'node:util';
import type { InboundType } from '../../core/inbound-message';
import type { PushTarget } from './build-push';
import { ALL_TYPES, exampleMessage } from './examples';
import { readReply } from './read-reply';
import { sendPush, verifyUrl } from './send';

const HELP = `Send one WeChat push (or the GET URL verification) to a push URL.

  --url URL            push URL, e.g. http://127.0.0.1:3000/wechat/demo (required)
  --token TOKEN        push Token (required)
  --app-id ID          AppID, the receiveId inside encrypted pushes (default wx0000000000000000)
  --original-id ID     original ID gh_… (default gh_000000000000)
  --aes-key KEY        EncodingAESKey, 43 characters (compatible / secure mode)
  --mode MODE          plaintext | compatible | secure (default plaintext)
  --format FORMAT      xml | json (default xml)
  --type TYPE          ${ALL_TYPES.join(' | ')} (default text)
  --openid OPENID      sender OpenID (default oTEST0000000000000000000000)
  --text TEXT          Content of a text message
  --session-from S     SessionFrom of user_enter_tempsession (default wxapp)
  --msg-id ID          MsgId (default 23241477706429916)
  --timestamp SECONDS  push timestamp and CreateTime (default now)
  --nonce NONCE        nonce (default random)
  --verify             send the GET URL verification instead of a push
  --help               this text

Prints the HTTP status, the body and, for a passive reply, its decrypted content.`;

export interface CliIo {
  out(line: string): void;
  nowSeconds(): number;
}

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  'app-id': { type: 'string' },
  'original-id': { type: 'string' },
  'aes-key': { type: 'string' },
  mode: { type: 'string' },
  format: { type: 'string' },
  type: { type: 'string' },
  openid: { type: 'string' },
  text: { type: 'string' },
  'session-from': { type: 'string' },
  'msg-id': { type: 'string' },
  timestamp: { type: 'string' },
  nonce: { type: 'string' },
  verify: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function targetOf(v: Values): PushTarget {
  if (v.url === undefined || v.token === undefined) throw new Error('--url and --token are required');
  return {
    url: v.url,
    token: v.token,
    appId: v['app-id'] ?? 'wx0000000000000000',
    originalId: v['original-id'] ?? 'gh_000000000000',
    mode: oneOf(v.mode, ['plaintext', 'compatible', 'secure'], 'plaintext', 'mode'),
    format: oneOf(v.format, ['xml', 'json'], 'xml', 'format'),
    ...(v['aes-key'] === undefined ? {} : { encodingAesKey: v['aes-key'] }),
  };
}

/** Runs the CLI; returns the process exit code (0 when the server answered 200). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { values: v } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  if (v.help) {
    io.out(HELP);
    return 0;
  }
  const target = targetOf(v);
  const timestamp = v.timestamp === undefined ? io.nowSeconds() : Number(v.timestamp);
  if (v.verify) {
    const result = await verifyUrl(target, { timestamp, ...(v.nonce === undefined ? {} : { nonce: v.nonce }) });
    io.out(`${result.status} ${JSON.stringify(result.body)} ${result.ok ? 'echostr matches' : 'echostr DOES NOT match'}`);
    return result.ok ? 0 : 1;
  }
  const type = oneOf<InboundType>(v.type, ALL_TYPES, 'text', 'type');
  const message = exampleMessage(type, {
    openId: v.openid ?? 'oTEST0000000000000000000000',
    originalId: target.originalId,
    createTime: timestamp,
    ...(v.text === undefined ? {} : { text: v.text }),
    ...(v['session-from'] === undefined ? {} : { sessionFrom: v['session-from'] }),
    ...(v['msg-id'] === undefined ? {} : { msgId: v['msg-id'] }),
  });
  const response = await sendPush(target, message, { timestamp, ...(v.nonce === undefined ? {} : { nonce: v.nonce }) });
  io.out(`${response.status} ${response.body}`);
  if (response.status === 200) {
    const reply = readReply(target, response.body);
    if (reply.kind === 'reply') io.out(`reply${reply.encrypted ? ' (decrypted)' : ''}: ${reply.plaintext}`);
  }
  return response.status === 200 ? 0 : 1;
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (line) => console.log(line), nowSeconds: () => Math.floor(Date.now() / 1000) })
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(2);
    });
}
