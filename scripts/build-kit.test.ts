// The copy of shared/ inside the mini program is generated; this fails when it is stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, 'build-kit.mjs');
const kitShared = join(__dirname, '../miniprogram/kefu-kit/shared');

describe('miniprogram/kefu-kit/shared', () => {
  it('is what scripts/build-kit.mjs generates from shared/src', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the check notices an edited or extra file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kit-shared-'));
    cpSync(kitShared, copy, { recursive: true });
    writeFileSync(join(copy, 'index.js'), `${readFileSync(join(copy, 'index.js'), 'utf8')}\n// edited by hand`);
    writeFileSync(join(copy, 'extra.js'), '');
    const run = spawnSync(process.execPath, [script, '--check', '--dir', copy], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is stale \(index\.js, extra\.js\): run npm run build:kit/);
  });

  it('works in a runtime without Node: the bundle needs no require, Buffer, TextEncoder or btoa', () => {
    const bundle = readFileSync(join(kitShared, 'index.js'), 'utf8');
    const sandbox = { module: { exports: {} as Record<string, unknown> }, exports: {} };
    // A bare function scope: only what the bundle brings and ECMAScript built-ins exist.
    new Function('module', 'exports', 'require', 'Buffer', 'TextEncoder', 'TextDecoder', 'btoa', 'atob', 'crypto', bundle)(
      sandbox.module,
      sandbox.module.exports,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    );
    const kit = sandbox.module.exports as { encodeSessionFrom: (i: unknown) => { value: string } };
    expect(kit.encodeSessionFrom({ plainUnionId: 'oJw8S1S0ZheoM2PnKbka3zJO-QyE', unionIdKey: '1234567890abcdef' }).value).toBe(
      'sobot||||unionid=wRHt8Ny7dngE4LiURys7EmuI/9lPnGmH7fRD9Cz9gic=|',
    );
    expect(
      execFileSync('git', ['ls-files', 'miniprogram/kefu-kit/shared/index.js'], { cwd: join(__dirname, '..'), encoding: 'utf8' }).trim(),
    ).not.toBe('');
  });
});
