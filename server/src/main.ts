// The one place that reads configuration and listens. Everything else is built by composeServer.
import pino from 'pino';
import { composeServer } from './compose';
import { readConfig } from './config';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = pino({ name: 'wechat-kefu', level: config.logLevel });
  const server = composeServer({ config, logger });
  await server.start();
  const listener = server.app.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}`, wechatApi: config.wechatApiBaseUrl, dataDir: config.dataDir }, 'kefu server listening');
  });
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
