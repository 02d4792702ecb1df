#!/usr/bin/env node
// `npm start`: the product on its embedded defaults, with the WeChat emulator for a local demo.
// Builds the mini program kit (so WeChat DevTools can open the demo), bundles the server and the
// emulator, creates a demo channel on first run (data/demo/, random secrets, secure mode, JSON),
// and runs both until Ctrl-C. For production run build/server.cjs with your own environment.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.WECHAT_EMULATOR_PORT ?? 9100);
const demoDir = join(root, 'data/demo');

/** The server, the emulator and the push CLI as single files (dependencies stay in node_modules). */
export async function bundleServer() {
  const entries = { server: 'server/src/main.ts', kefu: 'server/src/cli/main.ts', emulator: 'server/src/emulator/main.ts', 'push-cli': 'server/src/wechat/push-client/cli.ts' };
  for (const [name, entry] of Object.entries(entries)) {
    await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: join(root, `build/${name}.cjs`), logLevel: 'warning' });
  }
}

const alnum = (n) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);

/** The demo channel, known to both sides: the server's channels file and the emulator's apps file. */
function ensureDemoConfig() {
  const channelsFile = join(demoDir, 'channels.json');
  const appsFile = join(demoDir, 'emulator-apps.json');
  if (existsSync(channelsFile) && existsSync(appsFile)) return { channelsFile, appsFile };
  mkdirSync(demoDir, { recursive: true });
  const app = { appId: 'wxdemo0000000001', secret: alnum(32), kind: 'miniprogram', originalId: 'gh_demo00000001', token: alnum(32), encodingAesKey: alnum(43), mode: 'secure', format: 'json' };
  const channel = { id: 'demo', kind: app.kind, appId: app.appId, appSecret: app.secret, originalId: app.originalId, token: app.token, encodingAesKey: app.encodingAesKey, mode: app.mode, format: app.format, unionIdKey: alnum(16) };
  writeFileSync(channelsFile, `${JSON.stringify({ channels: [channel] }, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(appsFile, `${JSON.stringify({ apps: [{ ...app, pushUrl: `http://127.0.0.1:${SERVER_PORT}/wechat/demo` }] }, null, 2)}\n`, { mode: 0o600 });
  return { channelsFile, appsFile };
}

function run(name, file, args, env) {
  const child = spawn(process.execPath, [file, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    console.error(`${name} exited (${code}); stopping`);
    process.exit(code ?? 1);
  });
  return child;
}

async function main() {
  if (spawnSync(process.execPath, [join(root, 'scripts/build-kit.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  await bundleServer();
  const { channelsFile, appsFile } = ensureDemoConfig();
  const children = [
    run('emulator', 'build/emulator.cjs', ['--port', String(EMULATOR_PORT), '--config', appsFile], {}),
    run('server', 'build/server.cjs', [], { PORT: String(SERVER_PORT), DATA_DIR: demoDir, KEFU_CHANNELS_FILE: channelsFile, WECHAT_API_BASE_URL: `http://127.0.0.1:${EMULATOR_PORT}` }),
  ];
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`
  kefu server      http://127.0.0.1:${SERVER_PORT}   (push URL of the demo channel: /wechat/demo)
  WeChat emulator  http://127.0.0.1:${EMULATOR_PORT}/emulator/
  demo mini program: open this folder in WeChat DevTools
  A customer writes (the emulator signs, encrypts and pushes it):
    curl -s -X POST http://127.0.0.1:${EMULATOR_PORT}/emulator/apps/wxdemo0000000001/customers/oDemoCustomer/messages \\
      -H 'content-type: application/json' -d '{"type":"text","text":"你好，我想问一下订单"}'
  An agent answers (through the send API; the emulator shows it on its page):
    DATA_DIR=data/demo KEFU_CHANNELS_FILE=data/demo/channels.json WECHAT_API_BASE_URL=http://127.0.0.1:${EMULATOR_PORT} \
      node build/kefu.cjs send --channel demo --to oDemoCustomer --text '您好，请问订单号是多少？'
`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  (process.argv.includes('--build-only') ? bundleServer() : main()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
