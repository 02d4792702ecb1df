// Fires the conversation timers (queue timeout, work time ending, agent no-reply, customer silence,
// robot idle) of every channel every few seconds. Each timer is re-checked inside its own unit of work by
// tickTimers, so a tick that races a customer's message acts on fresh data. Ticks and test-clock advances
// run one at a time: a slow tick is never overlapped by the next, and an advance never by a tick.
import type { Logger } from 'pino';
import { nextTimerDue } from '../app/next-timer-due';
import type { EngineDeps } from '../app/support/engine-deps';
import { type FiredTimer, tickTimers } from '../app/tick-timers';
import type { ControllableClock } from './controllable-clock';

export interface TimerSchedulerDeps {
  engine: EngineDeps;
  channelIds(): Promise<string[]>;
  logger: Logger;
  intervalMs?: number;
}

/** A timer fired by a test-clock advance, with the instant the clock stood at. */
export interface FiredAt extends FiredTimer {
  channelId: string;
  at: number;
}

/** Passes at one instant: a conversation fires one timer per pass, and a fired timer may make another due. */
const MAX_PASSES_PER_INSTANT = 10;
/** Due instants one advance visits at most (a guard against a timer that keeps falling due). */
const MAX_STEPS = 10_000;

export class TimerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(private readonly deps: TimerSchedulerDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.queued === 0) void this.exclusive(() => this.tick());
    }, this.deps.intervalMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.queue;
  }

  /** A tick or an advance is running or waiting. */
  get busy(): boolean {
    return this.queued > 0;
  }

  /** One pass over every channel; a failing channel is logged and does not stop the others. */
  async tick(): Promise<FiredAt[]> {
    const all: FiredAt[] = [];
    const at = this.deps.engine.clock.now();
    for (const channelId of await this.deps.channelIds()) {
      try {
        const fired = await tickTimers(this.deps.engine, { channelId });
        if (fired.length > 0) this.deps.logger.info({ channelId, fired: fired.map((f) => f.kind) }, 'timers fired');
        all.push(...fired.map((f) => ({ ...f, channelId, at })));
      } catch (err) {
        this.deps.logger.error({ channelId, err: err instanceof Error ? err.message : String(err) }, 'timer tick failed');
      }
    }
    return all;
  }

  /**
   * The test clock: moves `clock` to `target` through every instant at which a timer falls due on the
   * way, earliest first, firing the timers of each instant at that instant (a warning before the end it
   * precedes, each seeing now = its due time), then stands at `target` and fires what is due there.
   */
  advanceClock(clock: ControllableClock, target: number): Promise<FiredAt[]> {
    if (!(target >= clock.now())) clock.moveTo(target); // throws at once: the past, or not an instant
    return this.exclusive(async () => {
      const fired = await this.firedAtThisInstant();
      for (let step = 0; step < MAX_STEPS; step++) {
        const next = await this.nextDue(clock.now());
        if (next === undefined || next > target) break;
        clock.moveTo(next);
        fired.push(...(await this.firedAtThisInstant()));
      }
      clock.moveTo(target);
      fired.push(...(await this.firedAtThisInstant()));
      return fired;
    });
  }

  private async firedAtThisInstant(): Promise<FiredAt[]> {
    const fired: FiredAt[] = [];
    for (let pass = 0; pass < MAX_PASSES_PER_INSTANT; pass++) {
      const round = await this.tick();
      if (round.length === 0) break;
      fired.push(...round);
    }
    return fired;
  }

  private async nextDue(after: number): Promise<number | undefined> {
    let next: number | undefined;
    for (const channelId of await this.deps.channelIds()) {
      const due = await nextTimerDue(this.deps.engine, { channelId, after });
      if (due !== undefined && (next === undefined || due < next)) next = due;
    }
    return next;
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    this.queued++;
    const run = this.queue.then(job).finally(() => this.queued--);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
