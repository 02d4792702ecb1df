// Benchmark: the real push path. Our server runs as main.ts composes it (inbox worker, outbox sender and
// timers running), in a process of its own, with WeChat's API at a fast local stub (./wechat-stub.ts),
// channels in secure mode and robot-only reception with a small knowledge base, so every customer message
// is stored, routed, answered by the robot, and the answer sent. Beside it in the same run: a bare Express
// route answering `success`, node-webot's `wechat` middleware (secure mode, answering `success`), and our
// server with the outbox sender stopped (the former benchmark). Pushes are signed and encrypted, from
// 1,000 customers, each push with its own MsgId. For each: requests/s at saturation (acknowledged, and
// routed for ours), p50/p99 at a steady 500 and 1,000 messages/s (open loop, from the scheduled time), the
// server process's CPU per message, the stub's sends per message, and the host's steal. Every case runs
// on its own server and a fresh data directory; the load runs in processes of its own (./load.ts).
// `--quick` (or PUSH_BENCH_QUICK=1): a few seconds per case, to check that it works.
// PUSH_BENCH_ONLY=xml|json: ours saturated alone for 8 s (with PUSH_BENCH_RATE=<n>: at a steady n messages/s
// after 2 s of warming at that rate, then its saturation's CPU per message beside it, but for a profile, which
// then holds the steady rate alone); PUSH_BENCH_PROFILE=<dir> writes its CPU profile.
// PUSH_BENCH_MILLION=1 adds ours (JSON) on an empty database beside one holding a million messages.
// Every process runs this bundle in its role; each role loads only what it needs (dynamic imports), so
// that a load process starts fast.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type CaseSpec, type LoadSpec, type Result, forkLoad, serveLoad } from './load';
import { hostTicks, processCpuMs, stealPercent } from './process-cpu';
import { pushTarget } from './push-path-channel';
import { printRatios, printTable } from './push-path-report';
import type { Side } from './push-path-sides';
import { serveWeChatStub, startWeChatStub, type WeChatStub } from './wechat-stub';

const QUICK = process.argv.includes('--quick') || process.env.PUSH_BENCH_QUICK === '1';
const RUN = QUICK
  ? { rounds: 1, sliceMs: 1000, warmupMs: 300, steadySeconds: 1.5, warmupSeconds: 0.5 }
  : { rounds: 3, sliceMs: 3000, warmupMs: 1000, steadySeconds: 6, warmupSeconds: 2 };
const CUSTOMERS = 1000;
const RATES = [500, 1000] as const;
const root = join(__dirname, '../..');
const serverBundle = join(root, 'build/bench/push-path-server.cjs');

export interface Row {
  name: string;
  /** A baseline's part in the ratios: ours is compared with the bare route and the middleware, bounded by the ceiling. */
  baseline?: 'bare' | 'middleware' | 'ceiling';
  /** Ours: acknowledged is not done; the measurement waits until the inbox (and the outbox, with a sender) drained. */
  ours: boolean;
  sender: boolean;
  start(): Promise<Side>;
  load(side: Side): CaseSpec;
}

export interface Measured {
  result: Result;
  /** Pushes per second until every acknowledged one was routed (ours), else the acknowledged rate. */
  routedRps: number;
  cpuMsPerMessage: number;
  /** The load process's CPU per request: what this machine's second core gave to making the requests. */
  loadCpuMsPerRequest: number;
  sendsPerMessage: number;
  steal: number;
}

type Sides = typeof import('./push-path-sides');

function rows(stub: WeChatStub, { startBaseline, startOurs }: Sides): Row[] {
  const profile = process.env.PUSH_BENCH_PROFILE;
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const ours = (sender: boolean) => () => startOurs({ serverBundle, benchFile: __filename, wechatApiBaseUrl: stub.url, sender, execArgv });
  const push = (path: string, format: 'xml' | 'json') => (side: Side) => ({
    name: path,
    url: `${side.base}${path}`,
    push: pushTarget(`${side.base}${path}`, format),
  });
  const bodies = (side: Side) => ({ name: 'bare', url: `${side.base}/bare`, bodiesOf: pushTarget(`${side.base}/bare`, 'xml') });
  return [
    {
      name: 'node:http alone (the ceiling)',
      baseline: 'ceiling',
      ours: false,
      sender: false,
      start: () => startBaseline(__filename, '--node-http'),
      load: bodies,
    },
    {
      name: 'bare Express route',
      baseline: 'bare',
      ours: false,
      sender: false,
      start: () => startBaseline(__filename, '--bare'),
      load: bodies,
    },
    {
      name: 'wechat middleware (node-webot)',
      baseline: 'middleware',
      ours: false,
      sender: false,
      start: () => startBaseline(__filename, '--webot'),
      load: push('/wechat', 'xml'),
    },
    { name: 'ours, secure XML', ours: true, sender: true, start: ours(true), load: push('/wechat/xml', 'xml') },
    { name: 'ours, secure JSON', ours: true, sender: true, start: ours(true), load: push('/wechat/json', 'json') },
    { name: 'ours XML, sender stopped', ours: true, sender: false, start: ours(false), load: push('/wechat/xml', 'xml') },
  ];
}

/** Waits until the server holds no work for this load: returns when its inbox was first empty (epoch ms). */
async function settled(side: Side, row: Row): Promise<number> {
  let routedAt: number | undefined;
  const until = Date.now() + 120_000;
  for (;;) {
    const now = performance.timeOrigin + performance.now();
    const { inbox, outbox } = side.pending();
    if (inbox === 0) routedAt ??= now;
    if (routedAt !== undefined && (!row.sender || outbox === 0)) return routedAt;
    if (Date.now() > until) throw new Error(`${row.name}: ${inbox} pushes unrouted, ${outbox} replies unsent after 2 minutes`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let loads = 0;

/** One load against one server, until the server has done everything it took: its CPU, sends and the steal meanwhile. */
async function measure(side: Side, stub: WeChatStub, row: Row, spec: Omit<LoadSpec, 'cases'>): Promise<Measured> {
  await settled(side, row);
  const [cpu, host, sends] = [processCpuMs(side.pid), hostTicks(), await stub.sends()];
  const out = await forkLoad(__filename, { ...spec, cases: [row.load(side)], customers: CUSTOMERS, firstSerial: loads++ * 10_000_000 });
  const result = (spec.fixedRate ? out.fixed[0] : out.closed[0]) as Result;
  const routedAt = await settled(side, row);
  const ok = result.requests - result.errors;
  return {
    result,
    routedRps: row.ours ? ok / ((routedAt - result.startedAt) / 1000) : result.acceptedRps,
    cpuMsPerMessage: (processCpuMs(side.pid) - cpu) / Math.max(1, ok),
    loadCpuMsPerRequest: out.cpuMs / Math.max(1, result.requests),
    sendsPerMessage: ((await stub.sends()) - sends) / Math.max(1, ok),
    steal: stealPercent(host, hostTicks()),
  };
}

const closed = (ms: number) => ({ connections: 50, warmupMs: 0, sliceMs: ms, rounds: 1 });
const open = (rate: number, seconds: number) => ({
  connections: 100,
  warmupMs: 0,
  sliceMs: 0,
  rounds: 0,
  fixedRate: rate,
  fixedSeconds: seconds,
});

/** Every row's server for one load, started together, each on a fresh data directory; closed after. */
async function onFreshServers<T>(all: Row[], use: (sides: Side[]) => Promise<T>): Promise<T> {
  const started = await Promise.allSettled(all.map((row) => row.start()));
  const sides = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    return await use(sides);
  } finally {
    await Promise.all(sides.map((s) => s.close()));
  }
}

/** Saturation: each server warmed, then rounds taking turns (the host drifts); each row's median round. */
function saturation(all: Row[], stub: WeChatStub): Promise<Measured[]> {
  return onFreshServers(all, async (sides) => {
    const runs = all.map((): Measured[] => []);
    for (const [i, row] of all.entries()) await measure(sides[i] as Side, stub, row, closed(RUN.warmupMs));
    for (let round = 0; round < RUN.rounds; round++) {
      for (const [i, row] of all.entries()) runs[i]?.push(await measure(sides[i] as Side, stub, row, closed(RUN.sliceMs)));
    }
    return runs.map((list) => [...list].sort((a, b) => a.routedRps - b.routedRps)[Math.floor(list.length / 2)] as Measured);
  });
}

/** A steady rate: each server warmed at that rate, settled, then measured (the others idle meanwhile). */
function steady(all: Row[], stub: WeChatStub, rate: number): Promise<Measured[]> {
  return onFreshServers(all, async (sides) => {
    const out: Measured[] = [];
    for (const [i, row] of all.entries()) {
      await measure(sides[i] as Side, stub, row, open(rate, RUN.warmupSeconds));
      out.push(await measure(sides[i] as Side, stub, row, open(rate, RUN.steadySeconds)));
    }
    return out;
  });
}

/** PUSH_BENCH_MILLION=1: ours (JSON) at saturation on an empty database and on a million messages (100,000 when quick). */
async function bySize(all: Row[], stub: WeChatStub): Promise<void> {
  const { bySizeRows } = await import('./push-path-million');
  const count = QUICK ? 100_000 : 1_000_000;
  const rows = bySizeRows(all.find((r) => r.name === 'ours, secure JSON') as Row, count);
  const [empty, full] = await saturation(rows, stub);
  printTable(`Ours by database size, at saturation as above`, rows, [empty, full] as Measured[], true);
  const ratio = (full?.routedRps ?? NaN) / (empty?.routedRps ?? NaN);
  console.log(`  routed with ${count.toLocaleString('en')} messages stored: ${ratio.toFixed(2)}× the empty database's (target ≥ 0.9)`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { bundleForNode } = await import('../../scripts/lib/bundle-node.mjs');
  await bundleForNode(join(root, 'server/src/main.ts'), serverBundle, { quiet: true });
  const stub = await startWeChatStub(__filename);
  try {
    const all = rows(stub, await import('./push-path-sides'));
    const only = process.env.PUSH_BENCH_ONLY;
    if (only) {
      const row = all.find((r) => r.ours && r.sender && r.name.endsWith(only.toUpperCase())) as Row;
      const side = await row.start();
      const rate = Number(process.env.PUSH_BENCH_RATE ?? 0);
      if (rate > 0) {
        await measure(side, stub, row, open(rate, 2));
        printTable(`${row.name} alone, a steady ${rate} messages/s for 8 s`, [row], [await measure(side, stub, row, open(rate, 8))], false);
      }
      if (rate === 0 || !process.env.PUSH_BENCH_PROFILE) {
        printTable(`${row.name} alone, saturated for 8 s`, [row], [await measure(side, stub, row, closed(8000))], true);
      }
      await side.close();
      return;
    }
    console.log(`${CUSTOMERS} customers; every push signed and encrypted (secure mode) with its own MsgId${QUICK ? '; QUICK run' : ''}`);
    // Steal is the hypervisor's share; other processes of this machine compete too: its load says how much.
    console.log(`Load average before: ${loadavg()[0]?.toFixed(1)} (a quiet 2-core machine shows under 1)`);
    const sat = await saturation(all, stub);
    printTable(
      `At saturation: closed loop, 50 connections, median of ${RUN.rounds} rounds of ${RUN.sliceMs / 1000} s taking turns`,
      all,
      sat,
      true,
    );
    const steadyRuns: Measured[][] = [];
    for (const rate of RATES) {
      const measured = await steady(all, stub, rate);
      steadyRuns.push(measured);
      printTable(
        `A steady ${rate} messages/s for ${RUN.steadySeconds} s (open loop; latency from each request's scheduled time)`,
        all,
        measured,
        false,
      );
    }
    printRatios(all, sat, steadyRuns);
    if (process.env.PUSH_BENCH_MILLION === '1') await bySize(all, stub);
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(
      `\nThe stub answered ${JSON.stringify(await stub.calls())}; ${seconds} s in all; load average after: ${loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    stub.close();
  }
}

const role = process.argv[2];
// A forked role ends with the benchmark, whatever ends it.
if (role?.startsWith('--') && role !== '--quick') process.once('disconnect', () => process.exit(0));
if (role === '--bare') void import('./push-path-baselines').then((b) => b.serveBaseline(b.bareApp()));
else if (role === '--node-http') void import('./push-path-baselines').then((b) => b.serveBaseline(b.nodeHttpServer()));
else if (role === '--webot') void import('./push-path-baselines').then((b) => b.serveBaseline(b.webotApp()));
else if (role === '--no-sender') void import('./push-path-no-sender').then((n) => n.serveWithoutSender());
else if (role === '--wechat-stub') serveWeChatStub();
else if (role === '--load') serveLoad();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
