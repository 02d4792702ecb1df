// The routing thread (opt-in: compose.ts's `routingThread`): a worker_threads worker with its own
// SQLite connection that owns the push path's writes. It stores the pushes the main thread verified
// (the main thread acknowledges them once this thread has committed them) and routes each stored push
// through the use cases, exactly as the in-process InboxWorker does. The main thread keeps HTTP,
// signatures, decryption and parsing. Notices and outbox kicks go back to the main thread, where the
// workbench, the WeChat agents and the sender live. Started by RoutingThread (routing-thread-client.ts)
// with a script that calls runRoutingThread().
// Not the default: on the 2-core push-path benchmark, where the load generator takes the other core,
// it cost more CPU per push than routing in-process (two heaps, smaller commits, the hand-offs) and
// acknowledged fewer pushes per second. It is for a machine whose second core would otherwise idle.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import type { EngineDeps } from '../app/support/engine-deps';
import type { EngineNotice } from '../core/ports/notifier';
import type { KnowledgeLookup } from '../core/wechat-agent/knowledge';
import { knowledgeModule } from '../knowledge/knowledge-module';
import { renderEntry } from '../knowledge/render';
import { createSqliteStorage } from '../storage/create-sqlite-storage';
import { openDatabase } from '../storage/database';
import { serialFor } from '../storage/serial-lock';
import { SqliteInbox } from '../storage/sqlite-inbox';
import { InboxWorker } from './inbox-worker';
import { kickingAfterEnqueue } from './kicking-after-enqueue';
import type { FromRoutingThread, RoutingThreadSettings, ToRoutingThread } from './routing-thread-protocol';

/** True in a worker that RoutingThread started: the script's entry then calls runRoutingThread(). */
export function isRoutingThread(): boolean {
  return parentPort !== null && (workerData as Partial<RoutingThreadSettings> | undefined)?.role === 'kefu-routing';
}

/**
 * A commit costs about as much as routing a few pushes (every page it dirtied is written to the log).
 * Routing starts this long after a push is stored, and takes up to BATCH pushes per commit, so that
 * one commit covers the pushes of several turns; nobody waits for routing but the customer, who does
 * not notice 5 ms. Storing (and so acknowledging) waits for the current batch, ~3 ms at most.
 */
const GATHER_MS = 5;
const BATCH = 16;

export function runRoutingThread(): void {
  const port = parentPort;
  if (port === null) throw new Error('runRoutingThread runs in a worker thread');
  const settings = workerData as RoutingThreadSettings;

  const post = (m: FromRoutingThread) => port.postMessage(m);
  const logger = pino({ name: 'wechat-kefu', level: settings.logLevel }).child({ thread: 'routing' });
  const clock = { now: () => Date.now() };
  const db = openDatabase(settings.databaseFile);
  db.pragma('wal_autocheckpoint = 0'); // the main thread's checkpointer (storage/wal-checkpointer.ts) does it for us
  const storage = createSqliteStorage(db, { masterKey: settings.masterKey, masterKeySource: 'KEFU_MASTER_KEY', clock });
  const knowledge = knowledgeModule(db, { now: clock.now, newId: () => storage.ids.next('kbm'), pollMs: settings.pollMs }); // it makes media ids only
  const inbox = new SqliteInbox(db);
  const engine: EngineDeps = {
    uow: kickingAfterEnqueue(storage.uow, coalesced(() => post({ type: 'outbox' }))),
    clock,
    ids: storage.ids,
    notifier: { notify: async (notices: readonly EngineNotice[]) => post({ type: 'notices', notices }) },
    robot: knowledge.robot,
  };
  const lookup: KnowledgeLookup = async (scope, key, who) => {
    const entry = knowledge.service.lookup(scope, key);
    return entry && [renderEntry(entry, who ?? { id: '' })];
  };
  const loaded = knowledge.service.start(); // the robot answers from memory: routing waits for it
  const worker = new InboxWorker(
    { engine, inbox, channelOf: async (id) => storage.channels.get(id), desk: { knowledge: lookup } },
    // Edits to the knowledge base are made on the main thread: look for them before each pass, so an edit
    // counts from the next message on here too (and a first load that failed is tried again).
    { logger, now: clock.now, pollMs: settings.pollMs, batchSize: BATCH, beforePass: () => loaded.catch(() => undefined).then(() => knowledge.service.reloadIfChanged()) },
  );

  let stopping = false;
  let gathering: NodeJS.Timeout | undefined;
  const routeSoon = () => {
    gathering ??= setTimeout(() => {
      gathering = undefined;
      if (!stopping) void worker.kick();
    }, GATHER_MS);
  };
  port.on('message', (m: ToRoutingThread) => {
    if (m.type === 'accept') {
      const failed = (err: unknown) => post({ type: 'accepted', outcomes: m.pushes.map((p) => ({ seq: p.seq, error: err instanceof Error ? err.message : String(err) })) });
      if (stopping) return failed(new Error('the routing thread is stopping'));
      inbox.acceptMany(m.pushes).then((outcomes) => {
        post({ type: 'accepted', outcomes: m.pushes.map((p, i) => ({ seq: p.seq, ...(outcomes[i] !== undefined && { outcome: outcomes[i] }) })) });
        routeSoon();
      }, failed);
    } else if (m.type === 'start') {
      void loaded.catch((err: unknown) => logger.error({ err: String(err) }, 'loading the knowledge base failed')).then(() => {
        worker.start();
        post({ type: 'started', seq: m.seq });
      });
    } else if (m.type === 'kick') {
      void worker.kick().then(() => post({ type: 'kicked', seq: m.seq }));
    } else {
      stopping = true;
      void stop().then(() => {
        post({ type: 'stopped' });
        port.close(); // nothing keeps the thread alive after this: it exits
      });
    }
  });

  async function stop(): Promise<void> {
    await worker.stop();
    await loaded.catch(() => undefined);
    await knowledge.service.stop();
    await serialFor(db).run(() => undefined); // stores already queued finish before the database closes
    db.close();
  }
}

/** At most one call per turn of the event loop, however many units asked for it. */
function coalesced(call: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      call();
    });
  };
}
