// The load side of the push benchmarks (no benchmark here). It runs in a child process, so the server's
// CPU is the server's own; cases are described as data because they cross the process boundary. Every
// push it sends is fresh (its own MsgId, customers cycling), signed and encrypted like WeChat's.
import { fork } from 'node:child_process';
import http from 'node:http';
import { buildPush, exampleMessage, type PushTarget } from '../src/wechat/push-client/index';

export interface CaseSpec {
  name: string;
  url: string;
  /** A push case: pushes signed and encrypted for this target. */
  push?: PushTarget;
  /** A bare case: it is posted the bodies of pushes to this target (the same bytes, not verified). */
  bodiesOf?: PushTarget;
}

export interface LoadSpec {
  cases: CaseSpec[];
  connections: number;
  warmupMs: number;
  sliceMs: number;
  rounds: number;
  /** Customers the pushes cycle over (default 200), each with its own openid. */
  customers?: number;
  /** The first MsgId's serial: loads sent to one server must not repeat MsgIds (they would be de-duplicated). */
  firstSerial?: number;
  /** Open-loop phase: this many requests per second for `fixedSeconds`, per case. */
  fixedRate?: number;
  fixedSeconds?: number;
}

export interface Result {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answered with `success` per second, from the first request's (scheduled) start to the last answer. */
  acceptedRps: number;
  /** When the measured requests began (milliseconds since the epoch), for the parent's "routed" clock. */
  startedAt: number;
}

let serial = 0;
let customers = 200;

function nextRequest(c: CaseSpec): { url: string; body: string; contentType: string } {
  const i = serial++;
  const target = c.push ?? c.bodiesOf;
  if (!target) throw new Error(`case ${c.name} has neither push nor bodiesOf`);
  const message = exampleMessage('text', {
    openId: `oBENCH${String(i % customers).padStart(22, '0')}`,
    originalId: target.originalId,
    createTime: Math.floor(Date.now() / 1000),
    msgId: String(23000000000000000000n + BigInt(i)),
    text: `你好，订单 ${i} 什么时候发货？`,
  });
  const push = buildPush(target, message);
  return { url: c.push ? push.url : c.url, body: push.body, contentType: push.contentType };
}

function post(agent: http.Agent, r: { url: string; body: string; contentType: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(
      r.url,
      { method: 'POST', agent, headers: { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) } },
      (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => (body += d))
          .on('end', () => resolve(res.statusCode === 200 && body === 'success'));
      },
    );
    req.on('error', () => resolve(false));
    req.end(r.body);
  });
}

interface Sample {
  latencies: number[];
  errors: number;
  /** The phase's length: the requests' window, or until the last answer (open loop). */
  seconds: number;
  startedAt: number;
}

const epochMs = (t: number) => performance.timeOrigin + t;

async function closedLoop(agent: http.Agent, c: CaseSpec, connections: number, ms: number): Promise<Sample> {
  const start = performance.now();
  const sample: Sample = { latencies: [], errors: 0, seconds: 0, startedAt: epochMs(start) };
  const loop = async () => {
    while (performance.now() < start + ms) {
      const t = performance.now();
      const ok = await post(agent, nextRequest(c));
      sample.latencies.push(performance.now() - t);
      if (!ok) sample.errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  sample.seconds = (performance.now() - start) / 1000;
  return sample;
}

/**
 * Open loop: request i leaves at start + i/rate whatever the answers, and its latency counts from that
 * scheduled time, so a server (or a load side) that falls behind shows its backlog in the latency. The
 * pushes are built before the clock starts: building them must not delay the schedule.
 */
async function fixedRate(agent: http.Agent, c: CaseSpec, rate: number, seconds: number): Promise<Sample> {
  const requests = Array.from({ length: Math.round(rate * seconds) }, () => nextRequest(c));
  const start = performance.now();
  const sample: Sample = { latencies: [], errors: 0, seconds, startedAt: epochMs(start) };
  const due = (i: number) => start + (i * 1000) / rate;
  let last = start;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < requests.length; ) {
    for (; i < requests.length && due(i) <= performance.now(); i++) {
      const scheduled = due(i);
      pending.push(
        post(agent, requests[i] as (typeof requests)[number]).then((ok) => {
          last = performance.now();
          sample.latencies.push(last - scheduled);
          if (!ok) sample.errors++;
        }),
      );
    }
    if (i < requests.length) await new Promise((r) => setTimeout(r, Math.max(0, due(i) - performance.now())));
  }
  await Promise.all(pending);
  sample.seconds = Math.max(seconds, (last - start) / 1000);
  return sample;
}

export function summarise(name: string, samples: Sample[]): Result {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    acceptedRps: (latencies.length - errors) / seconds,
    startedAt: samples[0]?.startedAt ?? NaN,
  };
}

/** Runs in the child. The machine is shared (2 cores), so closed-loop cases are interleaved in slices. */
/** What a load measured; `cpuMs`: the load process's own CPU meanwhile, which shares the machine with the server. */
export interface LoadOutcome {
  closed: Result[];
  fixed: Result[];
  cpuMs: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadOutcome> {
  const cpu = process.cpuUsage();
  serial = spec.firstSerial ?? 0;
  customers = spec.customers ?? 200;
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  for (const c of spec.cases) await closedLoop(agent, c, spec.connections, spec.warmupMs);
  const samples = spec.cases.map(() => [] as Sample[]);
  for (let r = 0; r < spec.rounds; r++) {
    for (const [i, c] of spec.cases.entries()) samples[i]?.push(await closedLoop(agent, c, spec.connections, spec.sliceMs));
  }
  const fixed: Result[] = [];
  if (spec.fixedRate && spec.fixedSeconds) {
    for (const c of spec.cases) fixed.push(summarise(c.name, [await fixedRate(agent, c, spec.fixedRate, spec.fixedSeconds)]));
  }
  agent.destroy();
  const used = process.cpuUsage(cpu);
  return { closed: spec.cases.map((c, i) => summarise(c.name, samples[i] ?? [])), fixed, cpuMs: (used.user + used.system) / 1000 };
}

/** In the parent: forks `benchFile` with `--load` as the load side and waits for its results. */
export function forkLoad(benchFile: string, spec: LoadSpec): Promise<LoadOutcome> {
  const child = fork(benchFile, ['--load'], { stdio: 'inherit' });
  child.send(spec);
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadOutcome));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load side exited with ${code}`))));
  });
}

/** In the child: answers the parent's spec. */
export function serveLoad(): void {
  process.once('message', (spec) => void runLoad(spec as LoadSpec).then((r) => process.send?.(r, () => process.exit(0))));
}

export function printTable(title: string, results: Result[], baseline?: Result): void {
  console.log(`\n${title}`);
  console.log(
    `${'case'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}  vs bare`,
  );
  for (const r of results) {
    const ratio = baseline && r !== baseline ? (r.rps / baseline.rps).toFixed(2) : '';
    console.log(
      `${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}  ${ratio}`,
    );
  }
}
