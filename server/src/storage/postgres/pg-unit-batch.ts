// A batch of units in one PostgreSQL transaction (PgUnitOfWork.batch): one BEGIN and one COMMIT for a
// chunk of pushes instead of one pair per push, the chunk's reads made ahead (pg-read-ahead.ts) and its
// writes sent together at the commit (pg-write-behind.ts). Each unit stays atomic on its own, without a
// savepoint per unit (two more round trips per push, on the path this exists to shorten):
// - a unit that fails (a poisoned push, a bug, a duplicate) leaves the transaction unusable, so the
//   attempt is rolled back whole and `body` is run again; that unit is then refused at once with its
//   error (it runs nothing) and every other unit runs again. A push that always fails therefore costs
//   its batch one extra attempt and never blocks the others; it is retried later by the inbox worker.
// - when the writes held until the commit fail, which unit's they were is not known: the attempt is
//   rolled back and run again with each unit's writes sent at its end, which finds the unit to refuse.
// - a serialization failure or deadlock (another node's batch or unit touched the same rows) rolls the
//   attempt back whole and `body` runs again; after `attempts` of those, each unit is run alone, in a
//   transaction of its own with the unit of work's own retries, so a hot conflict cannot starve them.
// So `body` may run more than once: it must collect what it keeps inside itself (the port says so), and
// start the same units in the same order each time (units are told apart by that order). Nothing a
// discarded attempt collected escapes: its units' results are thrown away with the attempt.
import type { BatchHint, UnitOfWork } from '../../core/ports/unit-of-work';
import { isRetryable, type PgTransactionScope } from './pg-transaction-scope';
import { heldWriteFailed } from './pg-write-behind';

export interface BatchDeps {
  /** `holdUntilCommit`: the units' writes go out together at the commit (PgTransactionScope.begin). */
  begin(holdUntilCommit: boolean): Promise<PgTransactionScope>;
  /** What the units will look up first: read ahead when each attempt's transaction begins. */
  hint?: BatchHint;
  /** Serialization failures taken before falling back to `alone`. */
  attempts: number;
  /** Runs each unit in a transaction of its own (with the unit of work's retries). */
  alone: UnitOfWork;
  pause(attempt: number): Promise<void>;
}

/** Why an attempt was given up; `refused` then holds one more unit. */
type Outcome<T> = { kind: 'committed'; value: T } | { kind: 'unit_failed' } | { kind: 'conflict' } | { kind: 'writes_failed' };

/** Thrown to the units `body` starts after the attempt is lost; that attempt's result is never used. */
export class BatchAttemptLost extends Error {
  override readonly name = 'BatchAttemptLost';
}

export async function runBatch<T>(body: (uow: UnitOfWork) => Promise<T>, deps: BatchDeps): Promise<T> {
  /** Units that failed on their own, by the order `body` starts them in, with their error. */
  const refused = new Map<number, unknown>();
  // First all units' writes in one go at the commit; once those failed, each unit's at its end, so that
  // the unit whose write fails is the one refused.
  let hold = true;
  for (let conflicts = 0; ; ) {
    const outcome = await attempt(body, deps, refused, hold);
    if (outcome.kind === 'committed') return outcome.value;
    if (outcome.kind === 'writes_failed') hold = false;
    if (outcome.kind === 'conflict') {
      if (++conflicts >= deps.attempts) return body(deps.alone);
      await deps.pause(conflicts);
    }
  }
}

async function attempt<T>(
  body: (uow: UnitOfWork) => Promise<T>,
  deps: BatchDeps,
  refused: Map<number, unknown>,
  hold: boolean,
): Promise<Outcome<T>> {
  const scope = await deps.begin(hold);
  let started = 0;
  let lost: Outcome<T> | undefined;
  const scoped: UnitOfWork = {
    run: async (work) => {
      const index = started++;
      if (refused.has(index)) throw refused.get(index);
      if (lost) throw new BatchAttemptLost('an earlier unit of this batch failed; the batch runs again');
      try {
        return await scope.unit(work);
      } catch (error) {
        if (isRetryable(error)) lost = { kind: 'conflict' };
        else if (hold && heldWriteFailed(error))
          lost = { kind: 'writes_failed' }; // maybe an earlier unit's
        else {
          refused.set(index, error);
          lost = { kind: 'unit_failed' };
        }
        throw error;
      }
    },
  };
  let value: T;
  try {
    if (deps.hint) await scope.readAhead(deps.hint);
    value = await body(scoped);
  } catch (error) {
    await scope.rollback();
    if (lost) return lost; // body passed a unit's error on: the batch decides what it means
    if (isRetryable(error)) return { kind: 'conflict' }; // reading ahead conflicted
    throw error;
  }
  if (lost) {
    await scope.rollback(); // throws when the connection is gone: the batch fails, nothing committed
    return lost;
  }
  try {
    await scope.commit();
  } catch (error) {
    if (isRetryable(error)) return { kind: 'conflict' };
    if (hold && heldWriteFailed(error)) return { kind: 'writes_failed' };
    throw error;
  }
  return { kind: 'committed', value };
}
