// Drains the inbox: each stored push goes to processInboxEntry, one at a time and in arrival order, so
// a customer's messages are handled in the order WeChat delivered them. `kick` runs it right after
// pushes are stored; a slow interval picks up retries that come due later and entries left by a
// previous process (a restart resumes where it stopped).
import type { Logger } from 'pino';
import type { InboxDeps } from '../app/process-inbox-entry';
import { processInboxEntry } from '../app/process-inbox-entry';

export interface InboxWorkerOptions {
  logger: Logger;
  now(): number;
  /** How often due retries are looked for. */
  pollMs?: number;
  /** Give up (state `failed`, kept for an operator) after this many attempts. */
  maxAttempts?: number;
}

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.min(attempts, 20));
}

export class InboxWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: InboxDeps,
    private readonly options: InboxWorkerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.kick();
  }

  /** Resolves when the current pass has finished. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Processes what is pending now; a kick during a pass makes it run once more afterwards. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // Never rejects: a timer calls this, and an unhandled rejection would end the process.
    this.running = this.drain()
      .catch((err: unknown) => this.options.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'inbox pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const entries = await this.deps.inbox.pending(this.options.now(), 100);
      if (entries.length === 0) return;
      for (const entry of entries) {
        try {
          await processInboxEntry(this.deps, entry);
        } catch (err) {
          await this.failed(entry.id, entry.attempts + 1, err);
        }
      }
    }
  }

  private async failed(id: string, attempts: number, err: unknown): Promise<void> {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const giveUp = attempts >= (this.options.maxAttempts ?? 10);
    this.options.logger.error({ inboxId: id, attempts, giveUp, err: reason }, 'processing a push failed');
    await this.deps.inbox.markFailed(id, reason.slice(0, 500), giveUp ? undefined : this.options.now() + retryDelayMs(attempts));
  }
}
