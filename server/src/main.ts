// The one place that reads configuration and listens. Everything else is built by composeServer.
import { join } from 'node:path';
import pino from 'pino';
import { composeServer } from './compose';
import { readConfig } from './config';
import { outlastClientPools } from './http/keep-alive';

async function main(): Promise<void> {
  // Bundled, this file is build/server.cjs, and `npm run build:web` writes the web app to build/web.
  const config = readConfig(process.env, { webDir: join(__dirname, 'web') });
  const logger = pino({ name: 'wechat-kefu', level: config.logLevel });
  const server = composeServer({ config, logger });
  await server.start();
  const listener = outlastClientPools(
    server.app.listen(config.port, config.host, () => {
      logger.info(
        { url: `http://${config.host}:${config.port}`, wechatApi: config.wechatApiBaseUrl, dataDir: config.dataDir },
        'kefu server listening',
      );
    }),
  );
  const stop = () => {
    // Stop taking pushes first; then let the loops finish what they hold, and close the database.
    listener.close(() => void server.stop().then(() => process.exit(0)));
    listener.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
