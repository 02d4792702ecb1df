// For tests: the server as its own process (the bundle main.ts becomes) on a data directory of its own,
// with the test channel in a channels file, so that a test can kill it and start it again on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../../../../scripts/lib/bundle-node.mjs';
import { CHANNEL, MASTER_KEY } from './stack';

const root = join(__dirname, '../../../..');

/** The test channel as the channels file declares it (secure mode, XML). */
export const SECURE_CHANNEL = {
  id: CHANNEL.id,
  kind: 'miniprogram',
  appId: CHANNEL.appId,
  appSecret: CHANNEL.secret,
  originalId: CHANNEL.originalId,
  token: CHANNEL.token,
  encodingAesKey: CHANNEL.encodingAesKey,
  mode: 'secure',
  format: 'xml',
} as const;

export interface ServerProcesses {
  dir: string;
  /** The SQLite file every process of this set uses. */
  databaseFile: string;
  /** Starts a process on `port`; WeChat's API at `wechatApiBaseUrl`. */
  start(port: number, wechatApiBaseUrl: string): ChildProcess;
  remove(): void;
}

/** Bundles main.ts into a fresh directory that holds the channels file and the data. */
export async function prepareServerProcesses(prefix: string): Promise<ServerProcesses> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const bundle = join(dir, 'server.cjs');
  await bundleForNode(join(root, 'server/src/main.ts'), bundle, { quiet: true });
  writeFileSync(join(dir, 'channels.json'), JSON.stringify({ channels: [SECURE_CHANNEL] }));
  return {
    dir,
    databaseFile: join(dir, 'data', 'kefu.db'),
    start: (port, wechatApiBaseUrl) =>
      spawn(process.execPath, [bundle], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_PATH: join(root, 'node_modules'),
          PORT: String(port),
          DATA_DIR: join(dir, 'data'),
          KEFU_MASTER_KEY: MASTER_KEY,
          KEFU_CHANNELS_FILE: join(dir, 'channels.json'),
          WECHAT_API_BASE_URL: wechatApiBaseUrl,
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** For `eventually`: true once the process on `port` answers /healthz. */
export const healthy = (port: number) => async (): Promise<true | undefined> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined;
  } catch {
    return undefined;
  }
};
