// What the main thread and the routing thread say to each other (routing-thread.ts is the thread,
// routing-thread-client.ts the main thread's side). Plain data only: messages cross a worker_threads
// port, which copies them (structured clone).
import type { InboundMessage } from '../core/inbound-message';
import type { AcceptOutcome } from '../core/ports/inbox';
import type { EngineNotice } from '../core/ports/notifier';

/** What the routing thread is started with (workerData). */
export interface RoutingThreadSettings {
  /** Marks a worker started as the routing thread; see isRoutingThread(). */
  role: 'kefu-routing';
  /** The SQLite file the main thread opened (and migrated). */
  databaseFile: string;
  masterKey: string;
  pollMs: number;
  logLevel: string;
}

export interface PushToStore {
  seq: number;
  channelId: string;
  message: InboundMessage;
  receivedAt: number;
}

export type ToRoutingThread =
  /** Pushes received during one turn of the main thread, stored in one commit. */
  | { type: 'accept'; pushes: PushToStore[] }
  /** Starts the routing loop (its interval); pushes are routed as they are stored either way. */
  | { type: 'start'; seq: number }
  /** Answered with `kicked` once a routing pass has processed what is pending. */
  | { type: 'kick'; seq: number }
  /** Finishes the current pass, closes the database, answers `stopped`. */
  | { type: 'stop' };

export type FromRoutingThread =
  /** One answer per push; `error` when its commit failed (nothing of that batch was stored). */
  | { type: 'accepted'; outcomes: Array<{ seq: number; outcome?: AcceptOutcome; error?: string }> }
  | { type: 'started'; seq: number }
  | { type: 'kicked'; seq: number }
  /** What the engine tells the workbench and the WeChat agents, after the commit it describes. */
  | { type: 'notices'; notices: readonly EngineNotice[] }
  /** Messages were put in the outbox: the sender (main thread) should look now. */
  | { type: 'outbox' }
  | { type: 'stopped' };
