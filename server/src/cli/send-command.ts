// `kefu send`: send one customer-service message through WeChat's API (token broker, window rules
// and errors included) — the operator's way to answer a customer before the workbench exists, and
// the reply half of a local conversation with the emulator.
import { parseArgs } from 'node:util';
import type { ChannelRecord } from '../core/ports/channel-store';
import {
  AccessTokenBroker,
  WeChatApi,
  WeChatApiError,
  WeChatClient,
  miniProgramMessages,
  officialAccountMessages,
  sendCustomMessage,
} from '../wechat/outbound/index';
import type { TokenStore } from '../core/ports/token-store';

export const SEND_HELP = `kefu send --channel ID --to OPENID --text TEXT

Sends a text message to a customer through WeChat's customer-service API. WeChat accepts it only
within the customer's send window (48 h / 5 messages after the customer's last message); a refusal
is printed with WeChat's code (45015 window closed, 45047 quota used up).

  --channel ID   the channel's id
  --to OPENID    the customer's openid
  --text TEXT    the message`;

export interface SendDeps {
  findChannel(id: string): Promise<ChannelRecord | undefined>;
  wechatApiBaseUrl: string;
  tokens: TokenStore;
  print(line: string): void;
  /** Whether the channel is connected through the open platform (its tokens are the server's: api_authorizer_token). */
  viaOpenPlatform?(channelId: string): Promise<boolean>;
}

export async function sendCommand(argv: string[], deps: SendDeps): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { channel: { type: 'string' }, to: { type: 'string' }, text: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    deps.print(SEND_HELP);
    return 0;
  }
  if (!values.channel || !values.to || !values.text) throw new UsageError(`--channel, --to and --text are required\n\n${SEND_HELP}`);
  const channel = await deps.findChannel(values.channel);
  if (!channel) throw new UsageError(`no channel "${values.channel}"`);
  // Never an own token for such a channel (it has no AppSecret; a token of its own would be the conflict the platform avoids).
  if (await deps.viaOpenPlatform?.(channel.id))
    throw new UsageError(`channel "${channel.id}" is connected through the open platform: send from the server or the API`);
  const client = new WeChatClient({ baseUrl: deps.wechatApiBaseUrl });
  const api = new WeChatApi(
    client,
    new AccessTokenBroker({ appId: channel.appId, secret: channel.appSecret, client, store: deps.tokens, source: channel.tokenSource }),
  );
  const message =
    channel.kind === 'miniprogram'
      ? miniProgramMessages.text(values.to, values.text)
      : officialAccountMessages.text(values.to, values.text);
  try {
    await sendCustomMessage(api, message);
  } catch (err) {
    if (!(err instanceof WeChatApiError)) throw err;
    deps.print(`WeChat refused the message: ${err.errcode} ${err.errmsg}`);
    return 1;
  }
  deps.print('sent');
  return 0;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
