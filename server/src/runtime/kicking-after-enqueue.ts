// A unit of work that tells the outbox sender when it put messages in the outbox. Used wherever units
// run: compose.ts (the main thread) and the routing thread (routing-thread.ts).
import type { UnitOfWork } from '../core/ports/unit-of-work';

/**
 * After a unit of work that put messages in the outbox, the sender looks at once instead of at its next
 * poll. Units that enqueued nothing (most reads, most timer checks) do not wake it: a claim is a query.
 */
export function kickingAfterEnqueue(uow: UnitOfWork, kick: () => void): UnitOfWork {
  return {
    ...(uow.batch && { batch: <T>(body: (scoped: UnitOfWork) => Promise<T>) => (uow.batch as NonNullable<UnitOfWork['batch']>)((scoped) => body(kickingAfterEnqueue(scoped, kick))) }),
    run: async (work) => {
      let enqueued = false;
      const result = await uow.run((tx) => {
        const outbox = { enqueue: (item: Parameters<typeof tx.outbox.enqueue>[0]) => ((enqueued = true), tx.outbox.enqueue(item)) };
        return work({ ...tx, outbox });
      });
      if (enqueued) kick();
      return result;
    },
  };
}
