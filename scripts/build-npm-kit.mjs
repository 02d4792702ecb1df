#!/usr/bin/env node
// Builds the kit as a mini program npm package in build/npm-kit: the "miniprogram" field points at
// miniprogram_dist (CommonJS JS + json/wxml/wxss + type declarations), as @vant/weapp does, so
// DevTools' "Build npm" copies the folder whole. Source: miniprogram/kefu-kit (run build:kit first).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { walk, withDeclarations } from './lib/declarations.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'miniprogram/kefu-kit');
export const OUT = join(root, 'build/npm-kit');
const dist = join(OUT, 'miniprogram_dist');

function compileKit() {
  for (const file of walk(source)) {
    const rel = relative(source, file);
    if (rel.endsWith('.test.ts') || rel === 'README.md') continue;
    const target = join(dist, rel);
    mkdirSync(dirname(target), { recursive: true });
    if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) {
      // Minified like the shared bundle: the package is what ships; the readable source is kefu-kit/.
      const { code } = transformSync(readFileSync(file, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'es2017',
        sourcefile: rel,
        minify: true,
      });
      writeFileSync(target.replace(/\.ts$/, '.js'), code);
    } else {
      cpSync(file, target);
    }
  }
}

/** Type declarations of the kit's own modules, for integrators who write TypeScript. */
function declareKit() {
  withDeclarations(root, { tsconfig: 'miniprogram/tsconfig.json', rootDir: 'miniprogram' }, (out) => {
    for (const file of walk(join(out, 'kefu-kit'))) {
      const rel = relative(join(out, 'kefu-kit'), file);
      if (!rel.startsWith('shared/')) cpSync(file, join(dist, rel));
    }
  });
}

function writePackageJson() {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pkg = {
    name: 'wechat-kefu-kit',
    version: rootPkg.version,
    description: 'WeChat mini program customer-service contact button (Sobot-compatible session-from) on @vant/weapp',
    license: rootPkg.license,
    miniprogram: 'miniprogram_dist',
    main: 'miniprogram_dist/index.js',
    types: 'miniprogram_dist/index.d.ts',
    files: ['miniprogram_dist'],
    peerDependencies: { '@vant/weapp': '^1.11.0' },
    keywords: ['wechat', 'miniprogram', 'customer-service', 'kefu', 'sobot', 'session-from'],
  };
  writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  cpSync(join(source, 'README.md'), join(OUT, 'README.md'));
}

rmSync(OUT, { recursive: true, force: true });
compileKit();
declareKit();
writePackageJson();
console.log(`npm kit: ${relative(root, OUT)} (npm pack it, or npm publish it)`);
