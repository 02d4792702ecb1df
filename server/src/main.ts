// The one place that reads configuration, wires everything and listens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { loadChannelsFile, type FileChannel } from './channels-file';
import { readConfig } from './config';
import { createApp } from './http/create-app';
import { kitSessionRouter } from './http/routes/kit-session';
import { openDatabase } from './storage/database';
import { WeChatClient, jscode2session } from './wechat/outbound/index';

function main(): void {
  const config = readConfig(process.env);
  const logger = pino({ name: 'wechat-kefu', level: config.logLevel });
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'kefu.db'));
  const channels: FileChannel[] = config.channelsFile ? loadChannelsFile(config.channelsFile) : [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  const client = new WeChatClient({ baseUrl: config.wechatApiBaseUrl });

  const app = createApp({
    logger,
    channels: { find: async (id) => byId.get(id) },
    // Storage and routing of conversations come with issue 4; until then a verified push is logged.
    onPush: async (channel, message) => {
      logger.info({ channelId: channel.id, type: message.type, msgId: 'msgId' in message ? message.msgId : undefined }, 'push received');
      return undefined;
    },
    extraRouters: [
      [
        '/kit',
        kitSessionRouter({
          findKitChannel: async (id) => {
            const c = byId.get(id);
            return c?.kind === 'miniprogram' && c.unionIdKey ? { appId: c.appId, secret: c.appSecret, unionIdKey: c.unionIdKey } : undefined;
          },
          codeToSession: (a, code) => jscode2session(client, a, code),
        }),
      ],
    ],
  });
  const server = app.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}`, channels: channels.map((c) => c.id), wechatApi: config.wechatApiBaseUrl }, 'kefu server listening');
  });
  const stop = () => server.close(() => {
    db.close();
    process.exit(0);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
