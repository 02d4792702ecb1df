// The test clock (KEFU_TEST_CLOCK=1): the server's time stands still until a test moves it. It only
// keeps the instant; TimerScheduler.advanceClock moves it through the timers' due instants, so that the
// timers fire as though the time had passed.
import type { Clock } from '../core/ports/clock';

export class ClockError extends Error {
  override readonly name = 'ClockError';
}

export class ControllableClock implements Clock {
  private t: number;

  constructor(startMs: number) {
    this.t = startMs;
  }

  /** A property, not a method: compose hands `clock.now` around unbound. */
  readonly now = (): number => this.t;

  /**
   * Forward only: ids sort by time, timers and logins compare stored instants with now, and the WeChat
   * emulator beside it refuses to go back; a clock going back would break all of them.
   */
  moveTo(ms: number): void {
    if (!Number.isFinite(ms)) throw new ClockError('the clock moves to a finite instant (milliseconds since the epoch)');
    if (ms < this.t) {
      throw new ClockError(`the clock does not go back (now ${new Date(this.t).toISOString()}, asked ${new Date(ms).toISOString()})`);
    }
    this.t = ms;
  }
}
