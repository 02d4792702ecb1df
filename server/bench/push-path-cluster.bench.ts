// Benchmark: the push path on PostgreSQL and on several nodes, in one run. It starts a throwaway
// PostgreSQL cluster (the tests' support: TEST_DATABASE_URL's server, else a cluster of its own; it fails
// clearly without PostgreSQL) and measures, as push-path does (secure XML pushes from 1,000 customers,
// robot answers, the outbox sender sending to the WeChat stub), three rows each on a fresh database: one
// SQLite node, one PostgreSQL node, two PostgreSQL nodes behind the loopback balancer. Columns:
// acknowledged/s and routed/s at saturation, p50/p99 and CPU per message (summed over the node processes;
// PostgreSQL's own CPU is not counted) at a steady 500/s, sends per message, steal. Then "a node killed":
// two PostgreSQL nodes under a steady 300/s, one killed with SIGKILL; acknowledged pushes lost (target 0),
// messages stored twice, and the time until the survivor has routed the dead node's work.
// `--quick` (or PUSH_BENCH_QUICK=1): a second or two per load, to check that it works.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type LoadSpec, type Result, forkLoad, serveLoad } from './load';
import { hostTicks, processCpuMs, stealPercent } from './process-cpu';
import { pushTarget } from './push-path-channel';
import type { Nodes, StartOptions } from './push-path-cluster-nodes';
import { serveWeChatStub, startWeChatStub, type WeChatStub } from './wechat-stub';

const QUICK = process.argv.includes('--quick') || process.env.PUSH_BENCH_QUICK === '1';
const RUN = QUICK
  ? { warmupMs: 300, sliceMs: 1000, rounds: 1, warmupSeconds: 0.5, steadySeconds: 1.5, killSeconds: 5, killAfter: 2 }
  : { warmupMs: 500, sliceMs: 2000, rounds: 2, warmupSeconds: 1, steadySeconds: 4, killSeconds: 10, killAfter: 3 };
const CUSTOMERS = 1000;
const STEADY_RATE = 500;
const KILL_RATE = 300;
const root = join(__dirname, '../..');
const serverBundle = join(root, 'build/bench/push-path-server.cjs');

interface Measured {
  result: Result;
  routedRps: number;
  cpuMsPerMessage: number;
  sendsPerMessage: number;
  steal: number;
}

const cpuOf = (nodes: Nodes) => nodes.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

/** Waits until the nodes hold no work: returns when the inbox was first empty (epoch ms). */
async function settled(nodes: Nodes): Promise<number> {
  let routedAt: number | undefined;
  const until = Date.now() + 120_000;
  for (;;) {
    const now = performance.timeOrigin + performance.now();
    const { inbox, outbox } = await nodes.pending();
    if (inbox === 0) routedAt ??= now;
    if (routedAt !== undefined && outbox === 0) return routedAt;
    if (Date.now() > until) throw new Error(`${inbox} pushes unrouted, ${outbox} replies unsent after 2 minutes`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let loads = 0;

async function measure(nodes: Nodes, stub: WeChatStub, spec: Omit<LoadSpec, 'cases'>): Promise<Measured> {
  await settled(nodes);
  const [cpu, host, sends] = [cpuOf(nodes), hostTicks(), await stub.sends()];
  const url = `${nodes.base}/wechat/xml`;
  const out = await forkLoad(__filename, {
    ...spec,
    cases: [{ name: 'xml', url, push: pushTarget(url, 'xml') }],
    customers: CUSTOMERS,
    firstSerial: loads++ * 10_000_000,
  });
  const result = (spec.fixedRate ? out.fixed[0] : out.closed[0]) as Result;
  const routedAt = await settled(nodes);
  const ok = Math.max(1, result.requests - result.errors);
  return {
    result,
    routedRps: ok / ((routedAt - result.startedAt) / 1000),
    cpuMsPerMessage: (cpuOf(nodes) - cpu) / ok,
    sendsPerMessage: ((await stub.sends()) - sends) / ok,
    steal: stealPercent(host, hostTicks()),
  };
}

const closed = (ms: number) => ({ connections: 50, warmupMs: 0, sliceMs: ms, rounds: 1 });
const open = (seconds: number) => ({ connections: 100, warmupMs: 0, sliceMs: 0, rounds: 0, fixedRate: STEADY_RATE, fixedSeconds: seconds });

/** One row on its own fresh servers: saturation (median round), then the steady rate. */
async function measureRow(start: () => Promise<Nodes>, stub: WeChatStub): Promise<{ sat: Measured; steady: Measured }> {
  const nodes = await start();
  try {
    await measure(nodes, stub, closed(RUN.warmupMs));
    const rounds: Measured[] = [];
    for (let r = 0; r < RUN.rounds; r++) rounds.push(await measure(nodes, stub, closed(RUN.sliceMs)));
    const sat = rounds.sort((a, b) => a.routedRps - b.routedRps)[Math.floor(rounds.length / 2)] as Measured;
    await measure(nodes, stub, open(RUN.warmupSeconds));
    return { sat, steady: await measure(nodes, stub, open(RUN.steadySeconds)) };
  } finally {
    await nodes.close();
  }
}

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function printRows(rows: Array<{ name: string; sat: Measured; steady: Measured }>): void {
  console.log(
    `\nSaturation: closed loop, 50 connections, median of ${RUN.rounds} rounds of ${RUN.sliceMs / 1000} s; steady: ${STEADY_RATE}/s for ${RUN.steadySeconds} s (open loop)`,
  );
  const columns = ['acked/s', 'routed/s', 'p50 ms', 'p99 ms', 'CPU/msg ms', 'sends/msg', 'errors', 'steal %'];
  console.log(`${'case'.padEnd(44)}${columns.map((c) => c.padStart(11)).join('')}`);
  for (const { name, sat, steady } of rows) {
    const cells = [
      num(sat.result.acceptedRps),
      num(sat.routedRps),
      num(steady.result.p50, 2),
      num(steady.result.p99, 2),
      num(steady.cpuMsPerMessage, 3),
      num(steady.sendsPerMessage, 2),
      String(sat.result.errors + steady.result.errors),
      num(Math.max(sat.steal, steady.steal), 1),
    ];
    console.log(`${name.padEnd(44)}${cells.map((c) => c.padStart(11)).join('')}`);
  }
}

/** Part two: two PostgreSQL nodes at a steady rate, one killed mid-load; what was lost and how long the takeover took. */
async function killPart(nodes: Nodes): Promise<void> {
  const { killOneNode } = await import('./push-path-cluster-kill');
  try {
    const k = await killOneNode(nodes, KILL_RATE, RUN.killSeconds, RUN.killAfter);
    console.log(
      `\nA node killed: two PostgreSQL nodes at a steady ${KILL_RATE}/s for ${RUN.killSeconds} s, node 2 killed (SIGKILL) after ${RUN.killAfter} s`,
    );
    console.log(`  pushes sent ${k.sent}, acknowledged ${k.acknowledged} (the rest were not: WeChat retries those)`);
    console.log(`  acknowledged but not stored: ${k.lost} (target 0); messages stored twice: ${k.storedTwice}`);
    console.log(`  takeover: ${num(k.takeoverMs / 1000, 1)} s from the kill until no push received before it was unrouted`);
  } finally {
    await nodes.close();
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { bundleForNode } = await import('../../scripts/lib/bundle-node.mjs');
  await bundleForNode(join(root, 'server/src/main.ts'), serverBundle, { quiet: true });
  const { startTestCluster } = await import('../src/storage/postgres/testing/test-cluster');
  const { startPgNodes, startSqliteNode } = await import('./push-path-cluster-nodes');
  const cluster = await startTestCluster();
  const stub = await startWeChatStub(__filename);
  try {
    const o: StartOptions = { serverBundle, benchFile: __filename, wechatApiBaseUrl: stub.url };
    console.log(`${CUSTOMERS} customers; secure XML pushes, robot answers, the outbox sender on${QUICK ? '; QUICK run' : ''}`);
    console.log(`Load average before: ${loadavg()[0]?.toFixed(1)} (a quiet 2-core machine shows under 1)`);
    // Every database first: a PostgreSQL that cannot be reached fails the run before anything is measured.
    const [onePg, twoPg, killPg] = [await cluster.createDatabase(), await cluster.createDatabase(), await cluster.createDatabase()];
    const cases: Array<[string, () => Promise<Nodes>]> = [
      ['one SQLite node', () => startSqliteNode(o)],
      ['one PostgreSQL node', () => startPgNodes(o, onePg, 1)],
      ['two PostgreSQL nodes behind the balancer', () => startPgNodes(o, twoPg, 2)],
    ];
    const rows = [];
    for (const [name, start] of cases) rows.push({ name, ...(await measureRow(start, stub)) });
    printRows(rows);
    const [sqlite, one, two] = rows.map((r) => r.sat.routedRps);
    console.log(
      `  routed at saturation: one PostgreSQL node ${num((one ?? NaN) / (sqlite ?? NaN), 2)}× one SQLite node; two ${num((two ?? NaN) / (one ?? NaN), 2)}× one`,
    );
    await killPart(await startPgNodes(o, killPg, 2));
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(`\n${seconds} s in all; load average after: ${loadavg()[0]?.toFixed(1)}`);
  } finally {
    stub.close();
    await cluster.stop();
  }
}

const role = process.argv[2];
if (role?.startsWith('--') && role !== '--quick') process.once('disconnect', () => process.exit(0));
if (role === '--wechat-stub') serveWeChatStub();
else if (role === '--load') serveLoad();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
