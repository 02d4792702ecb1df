// What the kit adds to a mini program package: the runtime files of the npm package's
// miniprogram_dist (JS, JSON, WXML, WXSS; not type declarations or docs), beside the van-button
// component it builds on (button, loading, icon, their shared code), measured the same way.
// Target: at most 30 KB beyond @vant/weapp.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.cwd();
const RUNTIME = /\.(js|json|wxml|wxss|wxs)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

function measure(label: string, paths: string[]): number {
  const runtime = paths.filter((f) => RUNTIME.test(f));
  const bytes = runtime.reduce((n, f) => n + statSync(f).size, 0);
  const gzip = runtime.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  console.log(
    `${label.padEnd(46)} ${String(runtime.length).padStart(3)} files ${(bytes / 1024).toFixed(1).padStart(7)} KB  (gzip ${(gzip / 1024).toFixed(1)} KB)`,
  );
  return bytes;
}

execFileSync(process.execPath, [join(root, 'scripts/build-npm-kit.mjs')], { stdio: 'ignore' });
const dist = join(root, 'build/npm-kit/miniprogram_dist');
const kitFiles = files(dist);
const vant = join(root, 'node_modules/@vant/weapp/lib');
const vantButton = ['button', 'loading', 'icon', 'common', 'mixins', 'wxs'].flatMap((d) => files(join(vant, d)));

const base = measure('baseline: van-button and what it loads', vantButton);
const kit = measure('wechat-kefu-kit (miniprogram_dist)', kitFiles);
for (const f of kitFiles
  .filter((p) => RUNTIME.test(p))
  .sort((a, b) => statSync(b).size - statSync(a).size)
  .slice(0, 4)) {
  console.log(`  ${relative(dist, f).padEnd(44)} ${(statSync(f).size / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`kit / van-button: ${(kit / base).toFixed(2)}x; target <= 30 KB beyond vant: ${kit <= 30 * 1024 ? 'met' : 'NOT met'}`);
