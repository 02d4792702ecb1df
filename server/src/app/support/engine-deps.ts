// What every use case needs, injected by main.ts (real adapters) or a test (in-memory ones).
import type { Clock } from '../../core/ports/clock';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { EngineNotice, Notifier } from '../../core/ports/notifier';
import type { Robot } from '../../core/ports/robot';
import type { Transaction, UnitOfWork } from '../../core/ports/unit-of-work';

export interface EngineDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  notifier: Notifier;
  robot: Robot;
}

/** One unit of work in progress: the transaction, the instant it runs at, and the notices to send after commit. */
export interface Work {
  tx: Transaction;
  now: number;
  ids: IdGenerator;
  notices: EngineNotice[];
}

/** Runs `story` in one unit of work, then tells the workbenches; a notifier failure never undoes the work. */
export async function inUnit<T>(deps: EngineDeps, story: (w: Work) => Promise<T>): Promise<T> {
  const notices: EngineNotice[] = [];
  const result = await deps.uow.run((tx) => {
    notices.length = 0; // an adapter that retries a unit must not double the notices
    return story({ tx, now: deps.clock.now(), ids: deps.ids, notices });
  });
  if (notices.length > 0) await deps.notifier.notify(notices).catch(() => undefined);
  return result;
}
