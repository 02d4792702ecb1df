// Injected failures, as the real WeChat shows them under load or during an outage:
// - an error code for the next N calls to an API (-1 busy, 45011 minute quota, …);
// - a slow answer: the next N calls wait `ms` real milliseconds before being processed;
// - a dropped connection: the socket is destroyed without an answer, before the call is processed (WeChat
//   never saw it) or after (the message reached the customer but the caller never heard);
// - an outage: every API call is refused (the connection is reset) until an instant of the emulator's own
//   clock, so a test that advances the clock lives through a ten-minute outage in a moment.
import type { Server } from 'node:http';
import type { EmulatorClock } from './clock';
import { EmulatorAdminError, EmulatorApiError, isKnownErrcode } from './errors';

export type DropPoint = 'before' | 'after';

type Effect = { kind: 'errcode'; errcode: number } | { kind: 'delay'; ms: number } | { kind: 'drop'; when: DropPoint };

interface Fault {
  api: string;
  effect: Effect;
  remaining: number;
}

/** What the call wrapper does for one call besides answering: wait first, then cut the connection or not. */
export interface NetworkFault {
  delayMs: number;
  drop?: DropPoint;
}

export interface OutageView {
  /** Emulator-clock instant the outage ends; absent when WeChat is reachable. */
  until?: number;
}

function checkTimes(times: number): void {
  if (!Number.isInteger(times) || times < 1) throw new EmulatorAdminError(400, 'times must be a positive integer');
}

export class FaultPlan {
  private faults: Fault[] = [];
  private outageUntil: number | undefined;
  private readonly outageListeners: Array<() => void> = [];

  /** Called when an outage is set (a listener stops accepting connections at once). */
  onOutage(listener: () => void): void {
    this.outageListeners.push(listener);
  }

  add(api: string, errcode: number, times: number): void {
    if (!isKnownErrcode(errcode)) throw new EmulatorAdminError(400, `unknown errcode ${errcode}`);
    this.push(api, { kind: 'errcode', errcode }, times);
  }

  /** The next `times` calls to `api` are answered `ms` real milliseconds late (the caller's timeout runs). */
  addDelay(api: string, ms: number, times: number): void {
    if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new EmulatorAdminError(400, 'ms must be an integer from 0 to 600000');
    this.push(api, { kind: 'delay', ms }, times);
  }

  /** The next `times` calls to `api` lose their connection, before or after the call is processed. */
  addDrop(api: string, when: DropPoint, times: number): void {
    this.push(api, { kind: 'drop', when }, times);
  }

  /** WeChat is unreachable until the emulator's clock reaches `until` (an instant; the past ends an outage). */
  setOutage(until: number): void {
    if (!Number.isFinite(until)) throw new EmulatorAdminError(400, 'until must be an instant');
    this.outageUntil = until;
    for (const listener of this.outageListeners) listener();
  }

  outage(now: number): OutageView {
    return this.unreachable(now) ? { until: this.outageUntil } : {};
  }

  unreachable(now: number): boolean {
    return this.outageUntil !== undefined && now < this.outageUntil;
  }

  /** Throws the planned error for `api`, if any is left. */
  strike(api: string): void {
    const effect = this.take(api, 'errcode');
    if (effect?.kind === 'errcode' && isKnownErrcode(effect.errcode)) throw new EmulatorApiError(effect.errcode);
  }

  /** The planned delay and drop for this call of `api` (each planned fault is used up once). */
  network(api: string): NetworkFault {
    const delay = this.take(api, 'delay');
    const drop = this.take(api, 'drop');
    return {
      delayMs: delay?.kind === 'delay' ? delay.ms : 0,
      ...(drop?.kind === 'drop' && { drop: drop.when }),
    };
  }

  clear(): void {
    this.faults = [];
    this.outageUntil = undefined;
  }

  private push(api: string, effect: Effect, times: number): void {
    checkTimes(times);
    this.faults.push({ api: api.replace(/^\/+/, ''), effect, remaining: times });
  }

  private take(api: string, kind: Effect['kind']): Effect | undefined {
    const f = this.faults.find((x) => x.api === api && x.effect.kind === kind && x.remaining > 0);
    if (!f) return undefined;
    f.remaining--;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    return f.effect;
  }
}

/**
 * Makes an outage look like an unreachable host: the listener stops listening (a caller's connect is
 * refused, so it knows nothing was sent) and drops its open connections, until the emulator's clock
 * passes the outage; then it listens on the same port again. Checked every `pollMs` real milliseconds
 * (the clock moves by admin calls). Returns the function that stops watching.
 */
export function refuseDuringOutage(server: Server, faults: FaultPlan, clock: EmulatorClock, pollMs = 20): () => void {
  let state: 'listening' | 'closing' | 'closed' = 'listening';
  let where: { port: number; host: string } | undefined;
  const reopenIfBack = () => {
    if (state === 'closed' && where && !faults.unreachable(clock.now())) {
      state = 'listening';
      server.listen(where.port, where.host);
    }
  };
  const check = () => {
    const address = server.address();
    if (state === 'listening' && faults.unreachable(clock.now()) && address !== null && typeof address === 'object') {
      where = { port: address.port, host: address.address };
      state = 'closing';
      server.close(() => {
        state = 'closed';
        reopenIfBack();
      });
      server.closeAllConnections();
    }
    reopenIfBack();
  };
  faults.onOutage(check);
  const timer = setInterval(check, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}
