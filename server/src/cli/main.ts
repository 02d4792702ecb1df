// `kefu`: the operator's command line. Reads the same environment as the server (README).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadChannelsFile } from '../channels-file';
import { readConfig } from '../config';
import { openDatabase } from '../storage/database';
import { SqliteTokenStore } from '../storage/sqlite-token-store';
import { SEND_HELP, UsageError, sendCommand } from './send-command';

const HELP = `kefu COMMAND [options]   (each command has --help)

Commands:
  send      send a customer-service message through WeChat's API

Environment: DATA_DIR, KEFU_CHANNELS_FILE, WECHAT_API_BASE_URL (see the README).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (command === undefined || command === '--help' || command === 'help') {
    print(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'send') throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  if (rest.includes('--help')) {
    print(SEND_HELP);
    return 0;
  }
  const config = readConfig(process.env);
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'kefu.db'));
  try {
    const channels = config.channelsFile ? loadChannelsFile(config.channelsFile) : [];
    return await sendCommand(rest, { channels, wechatApiBaseUrl: config.wechatApiBaseUrl, tokens: new SqliteTokenStore(db), print });
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
