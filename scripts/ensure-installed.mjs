#!/usr/bin/env node
// Run before `npm start` and `npm test` (npm's prestart/pretest): installs what a fresh clone lacks, so that the
// README's set-up is those two commands. Uses nothing but Node itself, since it runs before any dependency exists.
// - The locked npm dependencies: `npm install` (not `npm ci`: the registry mirror lacks non-Linux optional builds,
//   which npm leaves out of the lock, and `npm ci` then refuses it) whenever a package the lock requires is missing
//   from node_modules or has another version there.
// - Chromium for the browser tests (`--chromium`, used by pretest): Debian's package, installed with apt-get when
//   missing and this runs as root (as CI does); otherwise a clear message, and the browser tests say what is missing.
// - ffmpeg (`--ffmpeg`, used by prestart and pretest): Debian's package, the same way; the workbench plays
//   customers' voice messages (AMR, Speex) converted by it to MP3.
// - PostgreSQL for the PostgreSQL storage tests (`--postgres`, used by .ci/run): Debian's `postgresql` package, the
//   same way. The tests start a throwaway cluster of their own from its binaries (or use TEST_DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The packages the lock requires on this platform that node_modules lacks (or holds in another version). */
export function missingPackages(lock, installed) {
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== '' && !entry.optional && !entry.link)
    .filter(([path, entry]) => installed.packages?.[path]?.version !== entry.version)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function ensurePackages() {
  const missing = missingPackages(readJson(join(root, 'package-lock.json')), readJson(join(root, 'node_modules/.package-lock.json')));
  if (missing.length === 0) return;
  console.log(`installing the locked npm dependencies (${missing.length} missing, e.g. ${missing.slice(0, 3).join(', ')})`);
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const canInstall = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.KEFU_NO_SYSTEM_INSTALL !== '1';

/** Installs one of Debian's packages with apt-get (updating the lists once if the first try fails); false when it could not. */
function aptInstall(pkg, args = []) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', ...args, pkg], { stdio: 'inherit', env }).status === 0;
  if (install()) return true;
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  return install();
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (!canInstall()) {
    console.warn(
      `Chromium is missing at ${path}: the browser tests will fail. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`,
    );
    return;
  }
  console.log("installing Debian's chromium for the browser tests");
  if (!aptInstall('chromium')) console.warn('chromium could not be installed: the browser tests will fail');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Chinese text in the screenshots needs a CJK font; the tests pass without one.
  spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q . || apt-get install -y fonts-noto-cjk'], { stdio: 'inherit', env });
}

/** Debian keeps each major version's server binaries under /usr/lib/postgresql/<version>/bin. */
function postgresInstalled() {
  const dir = '/usr/lib/postgresql';
  return existsSync(dir) && readdirSync(dir).some((version) => existsSync(join(dir, version, 'bin', 'initdb')));
}

function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL || postgresInstalled()) return;
  if (!canInstall()) {
    console.warn(
      'PostgreSQL is missing: the PostgreSQL storage tests will fail. Install it with `apt-get install postgresql` or set TEST_DATABASE_URL.',
    );
    return;
  }
  console.log("installing Debian's postgresql for the PostgreSQL storage tests");
  if (!aptInstall('postgresql')) console.warn('postgresql could not be installed: the PostgreSQL storage tests will fail');
}

/** ffmpeg on PATH (or FFMPEG_PATH): the workbench plays customers' voice (AMR, Speex) converted by it. */
function ffmpegInstalled() {
  if (process.env.FFMPEG_PATH) return existsSync(process.env.FFMPEG_PATH);
  return spawnSync('sh', ['-c', 'command -v ffmpeg'], { stdio: 'ignore' }).status === 0;
}

function ensureFfmpeg() {
  if (ffmpegInstalled()) return;
  if (!canInstall()) {
    console.warn('ffmpeg is missing: customers’ voice messages will not play in the workbench. Install it with `apt-get install ffmpeg`.');
    return;
  }
  console.log("installing Debian's ffmpeg to play customers' voice messages (AMR, Speex) in the workbench");
  if (!aptInstall('ffmpeg', ['--no-install-recommends'])) console.warn('ffmpeg could not be installed: voice messages will not play');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensurePackages();
  if (process.argv.includes('--chromium')) ensureChromium();
  if (process.argv.includes('--postgres')) ensurePostgres();
  if (process.argv.includes('--ffmpeg')) ensureFfmpeg();
}
