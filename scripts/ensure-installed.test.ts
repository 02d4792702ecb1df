// `npm start` and `npm test` install what a fresh clone lacks: the check runs in a scratch project with a
// stand-in `npm` on the PATH that records how it was called.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lock = {
  packages: {
    '': { name: 'scratch' },
    'node_modules/express': { version: '5.3.0' },
    'node_modules/@esbuild/aix-ppc64': { version: '0.28.2', optional: true },
    'node_modules/jest/node_modules/ci-info': { version: '4.0.0' },
  },
};

function scratchProject(installed: object | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-installed-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(__dirname, 'ensure-installed.mjs'), join(dir, 'scripts/ensure-installed.mjs'));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), JSON.stringify(installed));
  }
  writeFileSync(join(dir, 'bin/npm'), `#!/bin/sh\necho "$@" >> "${join(dir, 'npm-calls')}"\n`);
  chmodSync(join(dir, 'bin/npm'), 0o755);
  const run = spawnSync(process.execPath, [join(dir, 'scripts/ensure-installed.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
  });
  const calls = existsSync(join(dir, 'npm-calls')) ? readFileSync(join(dir, 'npm-calls'), 'utf8').trim().split('\n') : [];
  return { run, calls };
}

describe('scripts/ensure-installed.mjs', () => {
  it('installs the locked dependencies on a fresh clone', () => {
    const { run, calls } = scratchProject(undefined);
    expect(run.status).toBe(0);
    expect(calls).toEqual(['install --no-audit --no-fund']);
  });

  it('installs again when a locked package is missing or has another version', () => {
    const stale = {
      packages: { 'node_modules/express': { version: '5.2.0' }, 'node_modules/jest/node_modules/ci-info': { version: '4.0.0' } },
    };
    expect(scratchProject(stale).calls).toEqual(['install --no-audit --no-fund']);
    const partial = { packages: { 'node_modules/express': { version: '5.3.0' } } };
    expect(scratchProject(partial).calls).toEqual(['install --no-audit --no-fund']);
  });

  it('does nothing when every required package is there (optional builds for other platforms aside)', () => {
    const complete = {
      packages: { 'node_modules/express': { version: '5.3.0' }, 'node_modules/jest/node_modules/ci-info': { version: '4.0.0' } },
    };
    const { run, calls } = scratchProject(complete);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(calls).toEqual([]);
  });

  it('finds nothing missing in this checkout, which npm has installed', () => {
    const run = spawnSync(process.execPath, [join(__dirname, 'ensure-installed.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});
