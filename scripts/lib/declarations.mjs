// Shared by the kit builds: list a folder's files, and emit a tsconfig's type declarations into a
// temporary folder that exists only while `use` runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every file below `dir`, recursively. */
export function walk(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

export function withDeclarations(root, { tsconfig, rootDir }, use) {
  const out = mkdtempSync(join(tmpdir(), 'kefu-dts-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, tsconfig),
        '--noEmit',
        'false',
        '--declaration',
        '--emitDeclarationOnly',
        '--rootDir',
        join(root, rootDir),
        '--outDir',
        out,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return use(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
