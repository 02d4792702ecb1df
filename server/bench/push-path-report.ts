// What the push-path benchmark prints (no benchmark here): one table per load (saturation, each steady
// rate), then ours beside node-webot's `wechat` middleware and the bare route, against the targets, and
// the most any server was acknowledged here (Node's HTTP server alone), which bounds those ratios.
import type { Measured, Row } from './push-path.bench';

const TARGETS = { middleware: 2.5, bare: 1.3, p99At1000: 20, steadyCpu: 1.5 };

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

export function printTable(title: string, rows: Row[], measured: Measured[], saturated: boolean): void {
  console.log(`\n${title}`);
  const head = saturated ? ['acked/s', 'routed/s'] : ['accepted/s'];
  const columns = [...head, 'p50 ms', 'p99 ms', 'CPU/msg ms', 'load CPU', 'sends/msg', 'errors', 'steal %'];
  console.log(`${'case'.padEnd(32)}${columns.map((c) => c.padStart(11)).join('')}`);
  for (const [i, row] of rows.entries()) {
    const m = measured[i];
    if (!m) continue;
    const r = m.result;
    const rates = saturated ? [num(r.acceptedRps), row.ours ? num(m.routedRps) : '-'] : [num(r.acceptedRps)];
    const cells = [
      ...rates,
      num(r.p50, 2),
      num(r.p99, 2),
      num(m.cpuMsPerMessage, 3),
      num(m.loadCpuMsPerRequest, 3),
      row.ours ? num(m.sendsPerMessage, 2) : '-',
      String(r.errors),
      num(m.steal, 1),
    ];
    console.log(`${row.name.padEnd(32)}${cells.map((c) => c.padStart(11)).join('')}`);
  }
}

/** Ours beside the middleware and the bare route, row by row, and what the ceiling allows. */
export function printRatios(rows: Row[], sat: Measured[], steady: Measured[][]): void {
  const baseline = (kind: Row['baseline']) => sat[rows.findIndex((r) => r.baseline === kind)] as Measured;
  const [bare, middleware, ceiling] = [baseline('bare'), baseline('middleware'), baseline('ceiling')];
  const [at500, at1000] = steady;
  console.log(
    `\nOurs beside the wechat middleware and the bare route, same run (targets: at saturation ≥ ${TARGETS.middleware}× the middleware` +
      ` and ≥ ${TARGETS.bare}× the bare route; p99 < ${TARGETS.p99At1000} ms at a steady 1,000/s; CPU per message at a steady 500/s` +
      ` ≤ ${TARGETS.steadyCpu}× saturation's):`,
  );
  for (const [i, row] of rows.entries()) {
    const m = sat[i];
    if (!row.ours || !m) continue;
    const vs = (base: Measured, rps: number) => `${num(rps / base.result.acceptedRps, 2)}×`;
    const acked = m.result.acceptedRps;
    const cpu500 = at500?.[i]?.cpuMsPerMessage ?? NaN;
    console.log(
      `  ${row.name}: acknowledged ${vs(middleware, acked)} the middleware, ${vs(bare, acked)} the bare route;` +
        ` routed ${vs(middleware, m.routedRps)} the middleware, ${vs(bare, m.routedRps)} the bare route;` +
        ` p99 at 1,000/s ${num(at1000?.[i]?.result.p99 ?? NaN, 1)} ms;` +
        ` CPU per message at 500/s ${num(cpu500 / m.cpuMsPerMessage, 2)}× saturation's`,
    );
  }
  // The load process makes and signs every request on the core the servers do not use: past this rate it,
  // not the server, is what runs out, so no server measured here can be acknowledged faster.
  const most = ceiling.result.acceptedRps;
  console.log(
    `  The ceiling: Node's HTTP server alone was acknowledged ${num(most)}/s (its load ${num(ceiling.loadCpuMsPerRequest, 3)} ms of CPU a request),` +
      ` ${num(most / middleware.result.acceptedRps, 2)}× the middleware and ${num(most / bare.result.acceptedRps, 2)}× the bare route.` +
      ` CPU per message at 500/s: ${steadyRatio(rows, sat, at500, 'ceiling')} saturation's for it,` +
      ` ${steadyRatio(rows, sat, at500, 'bare')} for the bare route, ${steadyRatio(rows, sat, at500, 'middleware')} for the middleware.`,
  );
}

function steadyRatio(rows: Row[], sat: Measured[], at500: Measured[] | undefined, kind: Row['baseline']): string {
  const i = rows.findIndex((r) => r.baseline === kind);
  return `${num((at500?.[i]?.cpuMsPerMessage ?? NaN) / (sat[i]?.cpuMsPerMessage ?? NaN), 2)}×`;
}
