// Test support (no tests here): the `kefu` command line built by esbuild (as scripts/start.mjs does)
// into a temporary folder, run as a child process against a temporary DATA_DIR.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForNode } from '../../../../scripts/lib/bundle-node.mjs';

const root = resolve(__dirname, '../../../..');
export const MASTER_KEY = 'a'.repeat(64);

export interface KefuCli {
  /** The temporary folder (DATA_DIR is `data` inside it); valid inside tests. */
  readonly dir: string;
  run(args: string[], env?: Record<string, string>): { code: number | null; out: string; err: string };
}

/** Registers the build (beforeAll) and the clean-up (afterAll) of the suite that calls it. */
export function useKefuCli(prefix: string): KefuCli {
  let dir = '';
  let bundle = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    bundle = join(dir, 'kefu.cjs');
    await bundleForNode(join(root, 'server/src/cli/main.ts'), bundle, { quiet: true });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    run(args, env = {}) {
      const r = spawnSync(process.execPath, [bundle, ...args], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_PATH: join(root, 'node_modules'),
          DATA_DIR: join(dir, 'data'),
          KEFU_MASTER_KEY: MASTER_KEY,
          ...env,
        },
        encoding: 'utf8',
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
  };
}
