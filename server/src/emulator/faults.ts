// Injected failures: "answer the next N calls to this API with errcode X". WeChat does answer -1
// (busy) and 45011 (minute quota) under load; tests and demos need them on demand.
import { EmulatorApiError, isKnownErrcode } from './errors';
import { EmulatorAdminError } from './errors';

interface Fault {
  api: string;
  errcode: number;
  remaining: number;
}

export class FaultPlan {
  private faults: Fault[] = [];

  add(api: string, errcode: number, times: number): void {
    if (!isKnownErrcode(errcode)) throw new EmulatorAdminError(400, `unknown errcode ${errcode}`);
    if (!Number.isInteger(times) || times < 1) throw new EmulatorAdminError(400, 'times must be a positive integer');
    this.faults.push({ api: api.replace(/^\/+/, ''), errcode, remaining: times });
  }

  /** Throws the planned error for `api`, if any is left. */
  strike(api: string): void {
    const f = this.faults.find((x) => x.api === api && x.remaining > 0);
    if (!f) return;
    f.remaining--;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    if (isKnownErrcode(f.errcode)) throw new EmulatorApiError(f.errcode);
  }

  clear(): void {
    this.faults = [];
  }
}
