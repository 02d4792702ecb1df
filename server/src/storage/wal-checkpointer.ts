// Checkpoints the SQLite log off the event loop. With SQLite's automatic checkpoint, the commit that
// takes the log past 1,000 pages copies them into the database file and waits for two fsyncs on the
// thread that committed: in the push-path benchmark every ~40th commit took ~8 ms, 660 ms of the
// 1,038 ms spent committing, and every push arriving meanwhile waited. Here the server's connections
// stop checkpointing (wal_autocheckpoint = 0) and a worker thread with a connection of its own runs
// PASSIVE checkpoints a few times a second. PASSIVE never waits for and never blocks writers or readers;
// frames it could not copy yet are copied by a later round, and the next writer after a complete one
// starts the log again from its beginning, so the file stays small. Under a steady stream of writes no
// round is ever complete when a writer begins (the stream appends while the round copies), and the log
// grew without end: 1 GB in 25 s at 1,000 pushes/s in the push-path benchmark, each read then searching
// a longer log index. So once the log is past RESTART_FRAMES, a RESTART checkpoint follows the passive
// one: it waits (in the worker) for the writer's lock, copies the few frames written since, and holds
// writers back until readers have left the log, so the next writer starts it again; the server's
// writers wait those few milliseconds asynchronously (serial-lock.ts).
// If the worker fails, the connection goes back to checkpointing by itself: slower, never unbounded.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';

const INTERVAL_MS = 250;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;
/** 64 MB of 4 KB pages: past this the log is started again from its beginning (see above). */
const RESTART_FRAMES = 16_384;

// Plain CommonJS evaluated by the worker, so it works the same from the TypeScript sources, the tests
// and the bundled server (a worker needs a file or code; this needs no build step of its own).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const round = () => {
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
};
const timer = setInterval(() => {
  try { round(); } catch (err) { parentPort.postMessage({ error: String((err && err.message) || err) }); }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { round(); } finally { db.close(); parentPort.close(); }
});
`;

export interface WalCheckpointer {
  /** A last round, then the worker's connection is closed; call before closing the server's own. */
  stop(): Promise<void>;
}

/** `connections` stop checkpointing themselves; the worker checkpoints `file` for them. */
export function startWalCheckpointer(
  file: string,
  connections: Database[],
  logger: Logger,
  { intervalMs = INTERVAL_MS, restartFrames = RESTART_FRAMES } = {},
): WalCheckpointer {
  const workerData = { file, driver: require.resolve('better-sqlite3'), intervalMs, restartFrames };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  worker.unref(); // never what keeps the process alive
  let stopping = false;
  const fallBack = (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.error({ err: why }, 'the log checkpointer stopped: connections checkpoint by themselves again');
    for (const db of connections) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('message', (m: { error?: string }) => {
    if (m.error) logger.warn({ err: m.error }, 'a log checkpoint failed; the next round tries again');
  });
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`exited with ${code}`));
  for (const db of connections) db.pragma('wal_autocheckpoint = 0');
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
