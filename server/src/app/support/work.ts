// One unit of work in progress, as the stories see it (engine-deps.ts opens it). Apart from
// engine-deps.ts so that what openUnit itself uses (timer-due.ts, and the routing context it reads
// settings through) can name it without importing the module that imports them.
import type { IdGenerator } from '../../core/ports/id-generator';
import type { EngineNotice } from '../../core/ports/notifier';
import type { Transaction } from '../../core/ports/unit-of-work';

/** One unit of work in progress: the transaction, the instant it runs at, and the notices to send after commit. */
export interface Work {
  tx: Transaction;
  now: number;
  ids: IdGenerator;
  notices: EngineNotice[];
}
