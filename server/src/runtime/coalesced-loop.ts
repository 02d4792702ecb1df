// A background pass that many events may ask for: at most one runs at a time, a request during a pass
// makes exactly one more pass follow, and a slow interval catches work that comes due later. Passes
// never reject: timers call them, and an unhandled rejection would end the process.
import type { Logger } from 'pino';

export class CoalescedLoop {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly options: { name: string; logger: Logger; intervalMs: number; idleUntilStarted?: boolean },
  ) {}

  start(): void {
    this.started = true;
    this.timer = setInterval(() => void this.kick(), this.options.intervalMs);
    this.timer.unref();
    void this.kick();
  }

  /** Stops the interval and waits for the current pass. */
  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass now, or once more after the current one (with idleUntilStarted: only after start()). */
  kick(): Promise<void> {
    if (this.options.idleUntilStarted && !this.started) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((err: unknown) =>
        this.options.logger.error({ err: err instanceof Error ? err.message : String(err) }, `${this.options.name} pass failed`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }
}
