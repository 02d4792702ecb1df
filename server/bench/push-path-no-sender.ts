// The `--no-sender` server of the push-path benchmark (no benchmark here): our server composed and
// started as main.ts does, from the same environment, then its outbox sender stopped again, so replies
// are stored but never sent (what the benchmark measured before it measured the real path).
import pino from 'pino';
import { composeServer } from '../src/compose';
import { readConfig } from '../src/config';
import { outlastClientPools } from '../src/http/keep-alive';

/** In the `--no-sender` child: what main.ts does, then the outbox sender stopped (the former benchmark's server). */
export async function serveWithoutSender(): Promise<void> {
  const config = readConfig(process.env);
  const server = composeServer({ config, logger: pino({ name: 'wechat-kefu', level: config.logLevel }) });
  await server.start();
  await server.outboxSender.stop();
  const listener = outlastClientPools(server.app.listen(config.port, config.host));
  process.on('SIGTERM', () => {
    listener.close(() => void server.stop().then(() => process.exit(0)));
    listener.closeIdleConnections();
  });
}
