// Benchmark of the range reports over 1,000,000 stored messages (100,000 conversations of one channel over
// 30 days, reports-data.ts): the time to generate a 30-day report (the figures, one row per day, one per
// agent) through the product's story and adapter, for the whole channel, one merchant and one agent; and
// how much of it is the SQL. `--quick`: 100,000 messages. `--postgres`: the same rows copied into a
// throwaway PostgreSQL cluster and measured there too. Prints the load average: the machine is shared.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRangeReport, type RangeReportDeps } from '../src/app/read-range-report';
import type { ReportScope } from '../src/core/ports/reports';
import { openDatabase } from '../src/storage/database';
import { runPgMigrations } from '../src/storage/postgres/migrations/runner';
import { PgReports } from '../src/storage/postgres/pg-reports';
import { PgUnitOfWork } from '../src/storage/postgres/pg-unit-of-work';
import { openPool } from '../src/storage/postgres/pool';
import { startTestCluster } from '../src/storage/postgres/testing/test-cluster';
import { SqliteReports } from '../src/storage/sqlite-reports';
import { SqliteUnitOfWork } from '../src/storage/sqlite-unit-of-work';
import { copyTable } from './message-search-pg';
import { CHANNEL, fill } from './reports-data';

const QUICK = process.argv.includes('--quick');
const POSTGRES = process.argv.includes('--postgres');
const MESSAGES = QUICK ? 100_000 : 1_000_000;
const ZONE = 'Asia/Shanghai';
const START = Date.parse('2026-02-28T16:00:00Z'); // 1 March 2026, 00:00 in Shanghai
const QUERY = { from: '2026-03-01', to: '2026-03-30', timeZone: ZONE };
const RUNS = 5;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (t: number) => `${t.toFixed(0).padStart(6)} ms`;

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(46)} first ${ms(first ?? NaN)}  median ${ms(rest[Math.floor(rest.length / 2)] ?? NaN)}  max ${ms(rest.at(-1) ?? NaN)}  (${RUNS} runs)`,
  );
}

async function measureAll(engine: string, deps: RangeReportDeps): Promise<void> {
  const channel: ReportScope = { channelId: CHANNEL };
  const merchant: ReportScope = { channelId: CHANNEL, merchant: { merchantId: 'm3' } };
  const sample = await readRangeReport(deps, channel, QUERY);
  console.log(
    `${engine}, 30 days (${sample.days.length} rows, ${sample.agents.length} agents): ${sample.totals.conversations.toLocaleString('en')} conversations, ` +
      `first response avg ${((sample.totals.firstResponseMs.avg ?? 0) / 1000).toFixed(1)} s, ${sample.totals.windowRefusals.toLocaleString('en')} refused sends; load ${load()}`,
  );
  await measure('the whole channel: the report', () => readRangeReport(deps, channel, QUERY));
  const range = { from: START, to: START + 30 * 86_400_000 };
  await measure('the whole channel: the SQL alone (facts)', () => deps.reports.conversationFacts(channel, {}, range));
  await measure('one merchant (1/10 of the traffic)', () => readRangeReport(deps, merchant, QUERY));
  await measure('one agent of that merchant', () => readRangeReport(deps, merchant, { ...QUERY, agentId: 'm3-a3' }));
  console.log(`load average after: ${load()}`);
}

async function postgres(sqliteFile: string): Promise<void> {
  const cluster = await startTestCluster();
  const pool = openPool(await cluster.createDatabase(), { max: 4 });
  try {
    await runPgMigrations(pool);
    const source = openDatabase(sqliteFile);
    const started = performance.now();
    for (const table of ['conversations', 'messages']) await copyTable(source, pool, table);
    source.close();
    await pool.query('ANALYZE');
    console.log(`copied into PostgreSQL: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measureAll('PostgreSQL', { uow: new PgUnitOfWork(pool), reports: new PgReports(pool), defaultTimeZone: ZONE });
  } finally {
    await pool.end();
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-reports-bench-'));
  const file = join(dir, 'bench.db');
  try {
    console.log(`load average before: ${load()}`);
    const db = openDatabase(file);
    const started = performance.now();
    fill(db, MESSAGES, START, 30);
    console.log(
      `stored ${MESSAGES.toLocaleString('en')} messages in ${(MESSAGES / 10).toLocaleString('en')} conversations: ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s, file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`,
    );
    await measureAll('SQLite', { uow: new SqliteUnitOfWork(db), reports: new SqliteReports(db), defaultTimeZone: ZONE });
    db.close();
    if (POSTGRES) await postgres(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
