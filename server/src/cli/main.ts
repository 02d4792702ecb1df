// `kefu`: the operator's command line. Reads the same environment as the server (README) and opens the
// same SQLite database in DATA_DIR; commands are in run-cli.ts.
// It is the command line's composition root: the same AuthService and admin stories' dependencies as
// compose.ts builds for the server, over the same database.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from '../app/auth/auth-service';
import { readConfig } from '../config';
import { knowledgeModule } from '../knowledge/knowledge-module';
import { nodeCredentials } from '../security/index';
import { openDatabase } from '../storage/database';
import { sqliteAuthStores } from '../storage/auth-sqlite';
import { createSqliteStorage } from '../storage/create-sqlite-storage';
import { SqliteKnowledgeStore } from '../storage/sqlite-knowledge';
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
  const { config, db } = openDb();
  try {
    const storage = createSqliteStorage(db, { masterKey: config.masterKey, masterKeySource: 'KEFU_MASTER_KEY' });
    const clock = { now: Date.now };
    const knowledge = knowledgeModule(new SqliteKnowledgeStore(db), {
      now: clock.now,
      newId: () => storage.ids.next('kbm'),
      pollMs: 0,
      channelKind: async (id) => (await storage.channels.get(id))?.kind, // entries are checked against its WeChat rules
    }).service; // it makes media ids only
    const auth = new AuthService({ stores: sqliteAuthStores(db), uow: storage.uow, clock, ids: storage.ids, ...nodeCredentials() });
    const admin = { uow: storage.uow, channels: storage.channels, clock, ids: storage.ids, auth };
    return await work({ admin, env: process.env, print, knowledge });
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
    const storage = createSqliteStorage(db, { masterKey: config.masterKey, masterKeySource: 'KEFU_MASTER_KEY' });
    return await sendCommand(argv, {
      findChannel: (id) => storage.channels.get(id),
      wechatApiBaseUrl: config.wechatApiBaseUrl,
      tokens: storage.tokens,
      print,
    });
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
