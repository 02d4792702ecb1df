// Starts the WeChat emulator as a standalone server: the one place in the emulator that listens.
import pino from 'pino';
import { loadAppsFile } from './apps';
import { readSettings, usage } from './cli-args';
import { createOffsetClock } from './clock';
import { createEmulator } from './emulator';
import { loadOpenPlatformFile } from './open-platform-config';

function main(): void {
  const settings = readSettings(process.argv.slice(2), process.env);
  if (settings.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const logger = pino({ name: 'wechat-emulator' });
  const apps = settings.configFile ? loadAppsFile(settings.configFile) : [];
  const openPlatform = settings.configFile ? loadOpenPlatformFile(settings.configFile) : undefined;
  const { app } = createEmulator({
    clock: createOffsetClock(),
    apps,
    ...(openPlatform && { openPlatform }),
    onError: (err) =>
      logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'emulator failure'),
  });
  const server = app.listen(settings.port, settings.host, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : settings.port;
    logger.info(
      { url: `http://${settings.host}:${port}`, apps: apps.map((a) => a.appId), openPlatform: openPlatform?.componentAppId },
      'WeChat emulator listening',
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${usage}\n`);
  process.exitCode = 2;
}
