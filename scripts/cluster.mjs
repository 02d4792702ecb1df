#!/usr/bin/env node
// `npm run cluster -- --nodes 2`: several server processes on this machine sharing one PostgreSQL database
// (DATABASE_URL), behind the loopback balancer on PORT (default 3000), with the WeChat emulator, as
// `npm start` runs one. Each node gets its own port (PORT+1, PORT+2, …) and name (KEFU_NODE_NAME node-1, …).
// The demo lives in data/cluster/ (KEFU_DEMO_DIR), apart from npm start's. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBalancer } from './balancer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const nodes = Number(args.includes('--nodes') ? args[args.indexOf('--nodes') + 1] : 2);
const PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.WECHAT_EMULATOR_PORT ?? 9100);
const children = [];

function fail(message) {
  console.error(message);
  process.exit(1);
}

function stopAll(code) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code);
}

function run(name, file, args, env) {
  const child = spawn(process.execPath, [join(root, file), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    // One node gone is what a cluster survives; say so and keep the rest (the emulator is the whole demo).
    console.error(`${name} exited (${code ?? signal})`);
    if (name === 'emulator' || children.every((c) => c.exitCode !== null || c.signalCode !== null)) stopAll(code ?? 1);
  });
  return child;
}

async function main() {
  if (!Number.isInteger(nodes) || nodes < 1) fail('--nodes takes a whole number of nodes, e.g. --nodes 2');
  if (!process.env.DATABASE_URL) {
    fail('npm run cluster needs DATABASE_URL=postgres://… (one database for every node); see the README, "PostgreSQL".');
  }
  process.env.KEFU_DEMO_DIR ??= 'data/cluster';
  // start.mjs reads PORT and KEFU_DEMO_DIR when loaded: the demo's pushes and agent setup go to the balancer.
  const demo = await import('./start.mjs');
  await demo.bundleServer();
  if (!existsSync(join(root, 'build/web/index.html'))) console.log('the workbench is not built: npm run build:web');
  const { channelsFile, appsFile } = demo.ensureDemoConfig();
  const { envFile, env } = demo.ensureDemoEnv(channelsFile);
  run('emulator', 'build/emulator.cjs', ['--port', String(EMULATOR_PORT), '--config', appsFile], {});
  const ports = Array.from({ length: nodes }, (_, i) => PORT + 1 + i);
  // One node first: it migrates the database and seeds the channel and the admin; the others then find them.
  for (const [i, port] of ports.entries()) {
    run(`node-${i + 1}`, 'build/server.cjs', [], { ...env, PORT: String(port), KEFU_NODE_NAME: `node-${i + 1}`, KEFU_SIMULATOR: '1' });
    await waitHealthy(port);
  }
  await startBalancer({ port: PORT, upstreams: ports });
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  await demo.ensureDemoAgent(env);
  console.log(`
  balancer         http://127.0.0.1:${PORT}   (round-robin over ${ports.map((p) => `:${p}`).join(', ')})
  workbench        http://127.0.0.1:${PORT}/app/
  WeChat emulator  http://127.0.0.1:${EMULATOR_PORT}/emulator/
  demo admin       ${env.KEFU_ADMIN_USER} / ${env.KEFU_ADMIN_PASSWORD}   (all settings: ${relative(root, envFile)})
  demo agent       ${env.KEFU_DEMO_AGENT_USER} / ${env.KEFU_DEMO_AGENT_PASSWORD}
  Stop one node (kill <pid>) to watch the others carry on; Ctrl-C stops everything.
`);
}

async function waitHealthy(port) {
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(`the node on port ${port} did not answer /healthz within 30 s`);
  stopAll(1);
}

main().catch((e) => {
  console.error(e);
  stopAll(1);
});
