#!/usr/bin/env node
// Runs benchmarks: `npm run bench` runs all, `npm run bench -- session-from` one; flags go to each
// benchmark run (`npm run bench -- push-path --quick`). A benchmark is a TypeScript file
// `*/bench/<name>.bench.ts`; it is bundled with esbuild (dependencies stay external) and run by node,
// so it measures the same code the product runs, without a test runner around it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './lib/bundle-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const found = ['shared/bench', 'server/bench', 'miniprogram/bench']
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => ({ name: f.replace('.bench.ts', ''), file: join(root, dir, f) })),
  );
// Words are benchmarks; flags (`--quick`) go to every chosen benchmark.
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = wanted.length ? found.filter((b) => wanted.includes(b.name)) : found;
if (wanted.length && chosen.length !== wanted.length) {
  console.error(`unknown benchmark; available: ${found.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
mkdirSync(join(root, 'build/bench'), { recursive: true });
let failed = 0;
for (const bench of chosen) {
  const outfile = join(root, 'build/bench', `${bench.name}.cjs`);
  await bundleForNode(bench.file, outfile);
  console.log(`\n=== ${bench.name}`);
  const run = spawnSync(process.execPath, [outfile, ...flags], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
