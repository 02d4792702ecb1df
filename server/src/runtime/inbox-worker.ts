// Drains the inbox: stored pushes go to processInboxEntries (which decides their unit of work), a chunk
// at a time and in arrival order, so a customer's messages are handled in the order WeChat delivered them. `kick` runs it right after
// pushes are stored; a slow interval picks up retries that come due later and entries left by a
// previous process (a restart resumes where it stopped).
// Routing batches by time as well as by count: at a steady, modest rate pushes arrive one at a time, and
// a pass per push would pay a commit, a wake-up of the sender and a round of notices for each. So when
// the last pass found little, the next one first waits `lingerMs` for company, and so does each look of a
// pass after one that found little: the few pushes that arrive while a chunk is routed are not routed in a
// small unit of their own.
// Acknowledgements do not wait for it (they only wait for the inbox's own commit), and under load passes
// follow each other without waiting.
import type { Logger } from 'pino';
import { type InboxDeps, processInboxEntries } from '../app/process-inbox-entry';
import { CoalescedLoop } from './coalesced-loop';
import { type Backoff, backoffDelay } from '../core/retry/backoff';
import type { InboxEntry } from '../core/ports/inbox';

/**
 * Entries processed under one commit when the unit of work can batch. While a batch runs, the inbox's
 * next group commit (and so the acknowledgement of new pushes) waits for it: see chunkSize.
 */
const SMALL_BATCH = 4;
const LARGE_BATCH = 16;
const TRICKLE_CHUNK = LARGE_BATCH / 2;
const BACKLOG = 64;
/** A pass that found fewer entries than this was not behind: the next one waits for company first. */
const GATHER_BELOW = LARGE_BATCH;
/** What such a pass waits for more pushes: routing latency, not acknowledgement latency. */
export const DEFAULT_ROUTING_LINGER_MS = 10;

export interface InboxWorkerOptions {
  logger: Logger;
  now(): number;
  /** How often due retries are looked for. */
  pollMs?: number;
  /** Give up (state `failed`, kept for an operator) after this many attempts. */
  maxAttempts?: number;
  batchSize?: number;
  /** How long a pass waits for company after one that found little (default DEFAULT_ROUTING_LINGER_MS; 0: never). */
  lingerMs?: number;
  /** How often the inbox's claims are renewed during a pass, when it claims (a fraction of its lease). */
  renewMs?: number;
  /** Runs before each pass, e.g. to pick up knowledge-base edits made by another thread. */
  beforePass?: () => Promise<void>;
}

/**
 * A backlog goes in large chunks. What a pass gathered at a trickle (a large chunk's worth or less) goes in
 * one chunk, or two even halves above TRICKLE_CHUNK: a commit, a round of notices and a wake of the sender
 * per pass instead of per four entries, which is most of what routing costs a message at a steady rate,
 * while a chunk holds the inbox's commit (and so acknowledgements) no longer than half a large chunk would.
 * In between, small chunks keep the acknowledgements' wait short.
 */
export function chunkSize(found: number): number {
  if (found >= BACKLOG) return LARGE_BATCH;
  if (found > LARGE_BATCH) return SMALL_BATCH;
  return found <= TRICKLE_CHUNK ? Math.max(1, found) : Math.ceil(found / 2);
}

/** After `attempts` failed attempts: 2 s, 4 s, 8 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return backoffDelay(attempts, INBOX_BACKOFF);
}

const INBOX_BACKOFF: Backoff = { baseMs: 1000, maxMs: 300_000 };

export class InboxWorker {
  private readonly loop: CoalescedLoop;
  /** What the last pass found at its first look: little means a trickle, worth gathering. */
  private lastFound = 0;

  constructor(
    private readonly deps: InboxDeps,
    private readonly options: InboxWorkerOptions,
  ) {
    this.loop = new CoalescedLoop(() => this.drain(), { name: 'inbox', logger: options.logger, intervalMs: options.pollMs ?? 1000 });
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves when the current pass has finished. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Processes what is pending now; a kick during a pass makes it run once more afterwards. */
  kick(): Promise<void> {
    return this.loop.kick();
  }

  private async drain(): Promise<void> {
    await this.options.beforePass?.();
    if (this.lastFound < GATHER_BELOW) await this.linger();
    const renew = this.deps.inbox.renewClaims?.bind(this.deps.inbox);
    if (!renew) return this.drainClaimed();
    // Claims held by a live node must not run out while a slow chunk (a robot's answer) is processed.
    const timer = setInterval(() => {
      renew(this.options.now()).catch((err: unknown) => this.options.logger.warn({ err: String(err) }, 'renewing inbox claims failed'));
    }, this.options.renewMs ?? 2000);
    try {
      await this.drainClaimed();
    } finally {
      clearInterval(timer);
    }
  }

  /** Waits `lingerMs` for more pushes to come. */
  private linger(): Promise<void> {
    const ms = this.options.lingerMs ?? DEFAULT_ROUTING_LINGER_MS;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  private async drainClaimed(): Promise<void> {
    for (let found = 0, first = true; ; first = false) {
      // At a trickle, what arrived while the last look's entries were routed is a few pushes: they wait for
      // company too (one commit for the lot) instead of being routed in a small unit of their own. A pass
      // then lasts as long as the trickle, so what runs before a pass runs before such a look too.
      if (!first && found < GATHER_BELOW) {
        await this.linger();
        await this.options.beforePass?.();
      }
      const entries = await this.deps.inbox.pending(this.options.now(), 100);
      found = entries.length;
      if (first) this.lastFound = found;
      if (entries.length === 0) return;
      const size = this.options.batchSize ?? chunkSize(entries.length);
      for (let i = 0; i < entries.length; i += size) {
        await this.processChunk(entries.slice(i, i + size));
        // SQLite answers synchronously, so a pass would otherwise hold the event loop for all it has:
        // new pushes (and their acknowledgements) get a turn after every chunk.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Failures are recorded after the chunk's commit: recording needs the database the batch holds. */
  private async processChunk(chunk: InboxEntry[]): Promise<void> {
    const failures = await processInboxEntries(this.deps, chunk);
    for (const [entry, err] of failures) await this.failed(entry.id, entry.attempts + 1, err);
  }

  private async failed(id: string, attempts: number, err: unknown): Promise<void> {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const giveUp = attempts >= (this.options.maxAttempts ?? 10);
    this.options.logger.error({ inboxId: id, attempts, giveUp, err: reason }, 'processing a push failed');
    await this.deps.inbox.markFailed(id, reason.slice(0, 500), giveUp ? undefined : this.options.now() + retryDelayMs(attempts));
  }
}
