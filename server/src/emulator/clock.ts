// The emulator's time. Every rule it enforces (token lifetimes, windows, media expiry, login codes)
// reads this clock, and the admin endpoint advances it, so a test or a demo can live through 48 hours
// in a second. The real WeChat is the reference; only the passing of time is ours to bend.

export interface EmulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Moves time forward; never backward (WeChat time does not go back). */
  advance(ms: number): void;
  /**
   * Sets the time to an instant (a test clock keeps the emulator beside the server's). Forward only: WeChat's
   * time never goes back, and going back would reopen a closed 48-hour window, revive an expired token or
   * a used login code, breaking the rules the emulator exists to enforce. Setting the current instant is a no-op.
   */
  set(ms: number): void;
}

export class ClockError extends Error {
  override readonly name = 'ClockError';
}

function checkStep(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new ClockError('the clock only moves forward by a finite amount');
}

function checkTarget(target: number, now: number): void {
  if (!Number.isFinite(target)) throw new ClockError('the clock is set to a finite instant (milliseconds since the epoch)');
  if (target < now) {
    throw new ClockError(
      `the clock does not go back (now ${new Date(now).toISOString()}, asked ${new Date(target).toISOString()}): WeChat's time never does`,
    );
  }
}

/** Stands still unless advanced: for tests. */
export function createManualClock(startMs: number): EmulatorClock {
  let t = startMs;
  return {
    now: () => t,
    advance(ms) {
      checkStep(ms);
      t += ms;
    },
    set(target) {
      checkTarget(target, t);
      t = target;
    },
  };
}

/** Real time plus whatever the admin endpoint added: for the demo server. */
export function createOffsetClock(realNow: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => realNow() + offset,
    advance(ms) {
      checkStep(ms);
      offset += ms;
    },
    set(target) {
      const real = realNow();
      checkTarget(target, real + offset);
      offset = target - real;
    },
  };
}
