// `kefu`: the operator's command line. Reads the same environment as the server (README) and opens the
// same SQLite database in DATA_DIR; commands are in run-cli.ts.
import { knowledgeModule } from '../knowledge/knowledge-module';
import { newId } from '../http/api/auth/secrets';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../config';
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
    const knowledge = knowledgeModule(new SqliteKnowledgeStore(db), { now: Date.now, newId: (prefix) => newId(prefix), pollMs: 0 }).service;
    return await work({ channels: storage.channels, uow: storage.uow, auth: sqliteAuthStores(db), clock: { now: Date.now }, env: process.env, print, knowledge });
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
    return await sendCommand(argv, { findChannel: (id) => storage.channels.get(id), wechatApiBaseUrl: config.wechatApiBaseUrl, tokens: storage.tokens, print });
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
