// `kefu`: the operator's command line. Reads the same environment as the server (README) and opens the
// same SQLite database in DATA_DIR; commands are in run-cli.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadChannelsFile } from '../channels-file';
import { readConfig } from '../config';
import { openDatabase } from '../storage/database';
import { sqliteAuthStores } from '../storage/auth-sqlite';
import { createSqliteStorage } from '../storage/create-sqlite-storage';
import { SqliteTokenStore } from '../storage/sqlite-token-store';
import type { CliContext } from './cli-context';
import { runCli } from './run-cli';
import { SEND_HELP, UsageError, sendCommand } from './send-command';

const print = (line: string) => process.stdout.write(`${line}\n`);

function openDb() {
  const config = readConfig(process.env);
  mkdirSync(config.dataDir, { recursive: true });
  return { config, db: openDatabase(join(config.dataDir, 'kefu.db')) };
}

async function withStores(work: (ctx: CliContext) => Promise<number>): Promise<number> {
  const { db } = openDb();
  try {
    // KEFU_MASTER_KEY: read here until config.ts carries the master key (the server must use the same one).
    const storage = createSqliteStorage(db, { masterKey: process.env.KEFU_MASTER_KEY ?? '', masterKeySource: 'KEFU_MASTER_KEY' });
    return await work({ channels: storage.channels, uow: storage.uow, auth: sqliteAuthStores(db), clock: { now: Date.now }, env: process.env, print });
  } finally {
    db.close();
  }
}

async function send(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    print(SEND_HELP);
    return 0;
  }
  const { config, db } = openDb();
  try {
    const channels = config.channelsFile ? loadChannelsFile(config.channelsFile) : [];
    return await sendCommand(argv, { channels, wechatApiBaseUrl: config.wechatApiBaseUrl, tokens: new SqliteTokenStore(db), print });
  } finally {
    db.close();
  }
}

runCli(process.argv.slice(2), { print, withStores, send }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
