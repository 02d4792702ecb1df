// Types of node-webot's `wechat` middleware (a development dependency of the push-path benchmark only,
// which ships none): the part the benchmark uses, secure mode with one handler for every message.
declare module 'wechat' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface WechatConfig {
    token: string;
    appid: string;
    encodingAESKey: string;
  }

  function wechat(
    config: WechatConfig,
    handle: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void,
  ): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  export default wechat;
}
