// `kefu`: the operator's command line. Reads the same environment as the server (README) and opens the
// same database: PostgreSQL when DATABASE_URL names one, else the SQLite file in DATA_DIR; commands are
// in run-cli.ts.
// It is the command line's composition root: the same AuthService and admin stories' dependencies as
// compose.ts builds for the server, over the same database.
import { AuthService } from '../app/auth/auth-service';
import { readConfig } from '../config';
import { knowledgeModule } from '../knowledge/knowledge-module';
import { nodeCredentials } from '../security/index';
import { openServerStorage, type ServerStorage } from '../storage/open-server-storage';
import type { CliContext } from './cli-context';
import { runCli } from './run-cli';
import { SEND_HELP, UsageError, sendCommand } from './send-command';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** The server's storage, ready; closed once `work` is done. */
async function withStorage<T>(work: (storage: ServerStorage, config: ReturnType<typeof readConfig>) => Promise<T>): Promise<T> {
  const config = readConfig(process.env);
  const storage = openServerStorage(config, { clock: { now: Date.now } });
  try {
    await storage.ready();
    return await work(storage, config);
  } finally {
    await storage.close();
  }
}

function withStores(work: (ctx: CliContext) => Promise<number>): Promise<number> {
  return withStorage((storage) => {
    const clock = { now: Date.now };
    const knowledge = knowledgeModule(storage.knowledge, {
      now: clock.now,
      newId: () => storage.ids.next('kbm'),
      pollMs: 0,
      channelKind: async (id) => (await storage.channels.get(id))?.kind, // entries are checked against its WeChat rules
    }).service; // it makes media ids only
    const auth = new AuthService({ stores: storage.auth, uow: storage.uow, clock, ids: storage.ids, ...nodeCredentials() });
    const admin = { uow: storage.uow, channels: storage.channels, clock, ids: storage.ids, auth, audit: storage.audit };
    return work({
      admin,
      env: process.env,
      print,
      knowledge,
      platform: { platform: storage.platform, clock },
      quickReplies: storage.quickReplies,
    });
  });
}

async function send(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    print(SEND_HELP);
    return 0;
  }
  return withStorage((storage, config) =>
    sendCommand(argv, {
      findChannel: (id) => storage.channels.get(id),
      wechatApiBaseUrl: config.wechatApiBaseUrl,
      tokens: storage.tokens,
      print,
      viaOpenPlatform: async (id) => (await storage.platform.authorizationOfChannel(id)) !== undefined,
    }),
  );
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
