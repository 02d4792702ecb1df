#!/usr/bin/env node
// `npm start`: the product on its embedded defaults, with the WeChat emulator for a local demo.
// Builds the mini program kit (so WeChat DevTools can open the demo) and the workbench, bundles the server and the
// emulator, creates a demo channel on first run (data/demo/, random secrets, secure mode, JSON),
// and runs both until Ctrl-C. For production run build/server.cjs with your own environment.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { bundleForNode } from './lib/bundle-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.WECHAT_EMULATOR_PORT ?? 9100);
// Another demo beside the first (other ports, say) needs its own folder: KEFU_DEMO_DIR.
// The children's environment, taken before Vite's build sets NODE_ENV=production in this process (the
// server refuses the simulator in production).
const childEnv = { ...process.env };
const children = [];
const demoDir = process.env.KEFU_DEMO_DIR ? join(root, process.env.KEFU_DEMO_DIR) : join(root, 'data/demo');

/** The server, the emulator and the push CLI as single files (dependencies stay in node_modules). */
export async function bundleServer() {
  const entries = {
    server: 'server/src/main.ts',
    kefu: 'server/src/cli/main.ts',
    emulator: 'server/src/emulator/main.ts',
    'push-cli': 'server/src/wechat/push-client/cli.ts',
  };
  for (const [name, entry] of Object.entries(entries)) {
    await bundleForNode(join(root, entry), join(root, `build/${name}.cjs`));
  }
}

const alnum = (n) =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n);

/** The server's environment for the demo: data dir, master key, first admin, the emulator as WeChat. */
export function ensureDemoEnv(channelsFile) {
  const envFile = join(demoDir, 'kefu.env');
  if (!existsSync(envFile)) {
    const env = {
      DATA_DIR: demoDir,
      KEFU_MASTER_KEY: randomBytes(32).toString('base64'),
      KEFU_CHANNELS_FILE: channelsFile,
      KEFU_ADMIN_USER: 'admin',
      KEFU_ADMIN_PASSWORD: alnum(16),
      WECHAT_API_BASE_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
    };
    writeFileSync(
      envFile,
      `${Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`,
      { mode: 0o600 },
    );
  }
  // Demo folders made before the workbench had no agent login: add one.
  if (!parseEnv(readFileSync(envFile, 'utf8')).KEFU_DEMO_AGENT_PASSWORD) {
    appendFileSync(envFile, `KEFU_DEMO_AGENT_USER=agent\nKEFU_DEMO_AGENT_PASSWORD=${alnum(16)}\n`);
  }
  return { envFile, env: parseEnv(readFileSync(envFile, 'utf8')) };
}

/**
 * The demo's agent 小王 (online, so the simulator's customers reach a person) with a login, created
 * through the REST API once the server answers, the first time only.
 */
export async function ensureDemoAgent(env) {
  const base = `http://127.0.0.1:${SERVER_PORT}`;
  const call = async (method, path, body, token) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i === 150) throw new Error('the server did not answer /healthz within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { token } = await call('POST', '/api/v1/auth/login', { username: env.KEFU_ADMIN_USER, password: env.KEFU_ADMIN_PASSWORD });
  const accounts = await call('GET', '/api/v1/accounts', undefined, token);
  if (accounts.items.some((a) => a.username === env.KEFU_DEMO_AGENT_USER)) return;
  const agent = await call('POST', '/api/v1/channels/demo/agents', { name: '小王', maxConcurrent: 5, status: 'online' }, token);
  await call(
    'POST',
    '/api/v1/accounts',
    { username: env.KEFU_DEMO_AGENT_USER, password: env.KEFU_DEMO_AGENT_PASSWORD, grant: { role: 'agent', agentId: agent.id } },
    token,
  );
}

/** The demo channel, known to both sides: the server's channels file and the emulator's apps file. */
export function ensureDemoConfig() {
  const channelsFile = join(demoDir, 'channels.json');
  const appsFile = join(demoDir, 'emulator-apps.json');
  if (existsSync(channelsFile) && existsSync(appsFile)) return { channelsFile, appsFile };
  mkdirSync(demoDir, { recursive: true });
  const app = {
    appId: 'wxdemo0000000001',
    secret: alnum(32),
    kind: 'miniprogram',
    originalId: 'gh_demo00000001',
    token: alnum(32),
    encodingAesKey: alnum(43),
    mode: 'secure',
    format: 'json',
  };
  const channel = {
    id: 'demo',
    kind: app.kind,
    appId: app.appId,
    appSecret: app.secret,
    originalId: app.originalId,
    token: app.token,
    encodingAesKey: app.encodingAesKey,
    mode: app.mode,
    format: app.format,
    unionIdKey: alnum(16),
  };
  writeFileSync(channelsFile, `${JSON.stringify({ channels: [channel] }, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(appsFile, `${JSON.stringify({ apps: [{ ...app, pushUrl: `http://127.0.0.1:${SERVER_PORT}/wechat/demo` }] }, null, 2)}\n`, {
    mode: 0o600,
  });
  return { channelsFile, appsFile };
}

function run(name, file, args, env) {
  const child = spawn(process.execPath, [file, ...args], {
    cwd: root,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code) => {
    console.error(`${name} exited (${code}); stopping`);
    for (const c of children) if (c !== child) c.kill('SIGTERM'); // never leave the other one running
    process.exit(code ?? 1);
  });
  return child;
}

async function main() {
  if (spawnSync(process.execPath, [join(root, 'scripts/build-kit.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  await viteBuild({ configFile: join(root, 'web/vite.config.mts'), logLevel: 'warn' }); // the workbench, served at /app/
  await bundleServer();
  const { channelsFile, appsFile } = ensureDemoConfig();
  const { envFile, env } = ensureDemoEnv(channelsFile);
  run('emulator', 'build/emulator.cjs', ['--port', String(EMULATOR_PORT), '--config', appsFile], {});
  // The demo plays customers through the emulator, so the simulator endpoints are on (never in production).
  run('server', 'build/server.cjs', [], { ...env, PORT: String(SERVER_PORT), KEFU_SIMULATOR: '1' });
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const api = `http://127.0.0.1:${SERVER_PORT}/api/v1`;
  await ensureDemoAgent(env);
  console.log(`
  workbench        http://127.0.0.1:${SERVER_PORT}/app/   (agents and admins; customer simulator at /app/simulator)
  kefu server      http://127.0.0.1:${SERVER_PORT}   REST API ${api} (OpenAPI: ${api}/openapi.json)
  WeChat emulator  http://127.0.0.1:${EMULATOR_PORT}/emulator/
  demo admin       ${env.KEFU_ADMIN_USER} / ${env.KEFU_ADMIN_PASSWORD}   (all settings: ${relative(root, envFile)})
  demo agent       ${env.KEFU_DEMO_AGENT_USER} / ${env.KEFU_DEMO_AGENT_PASSWORD}   (小王, online)
  demo mini program: open this folder in WeChat DevTools.  A whole conversation: see the README.
`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  (process.argv.includes('--build-only') ? bundleServer() : main()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
