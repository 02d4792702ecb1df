// PostgreSQL adapter of TimerClaims: the unit firing a conversation's timer locks its row with FOR UPDATE
// SKIP LOCKED. A row another node's unit holds is skipped rather than waited for; a row another node
// changed since this unit began fails the unit as a serialization conflict, and the unit's rerun sees
// the timer fired. Either way a due timer fires on one node.
import type { TimerClaims } from '../../core/ports/timer-claims';
import type { Queryable } from './pool';

export class PgTimerClaims implements TimerClaims {
  /** `unit`: the client of the unit of work running now (PgUnitOfWork.current). */
  constructor(private readonly unit: () => Queryable | undefined) {}

  async claim(conversationId: string): Promise<boolean> {
    const db = this.unit();
    if (!db) throw new Error('a timer claim is made inside the unit that fires the timer');
    const { rowCount } = await db.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE SKIP LOCKED', [conversationId]);
    return (rowCount ?? 0) > 0;
  }
}
