// Fires the conversation timers (queue timeout, work time ending, agent no-reply, customer silence,
// robot idle) of every channel every few seconds. Each timer is re-checked inside its own unit of work
// by tickTimers, so a tick that races a customer's message acts on fresh data; a slow tick is never
// overlapped by the next.
import type { Logger } from 'pino';
import type { EngineDeps } from '../app/support/engine-deps';
import { tickTimers } from '../app/tick-timers';

export interface TimerSchedulerDeps {
  engine: EngineDeps;
  channelIds(): Promise<string[]>;
  logger: Logger;
  intervalMs?: number;
}

export class TimerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: TimerSchedulerDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => {
        this.running = undefined;
      });
    }, this.deps.intervalMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every channel; a failing channel is logged and does not stop the others. */
  async tick(): Promise<void> {
    for (const channelId of await this.deps.channelIds()) {
      try {
        const fired = await tickTimers(this.deps.engine, { channelId });
        if (fired.length > 0) this.deps.logger.info({ channelId, fired: fired.map((f) => f.kind) }, 'timers fired');
      } catch (err) {
        this.deps.logger.error({ channelId, err: err instanceof Error ? err.message : String(err) }, 'timer tick failed');
      }
    }
  }
}
