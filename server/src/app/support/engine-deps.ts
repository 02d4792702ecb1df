// What every use case needs, injected by compose.ts (real adapters) or a test (in-memory ones), and the
// one way a unit of work is opened for a story: `inUnit` for a story run on its own (a REST call, a
// timer, a delivery report); the push path opens its units in process-inbox-entry.ts. Either way the
// notices leave and the outbox sender is woken after the commit (`afterCommit`).
import type { Clock } from '../../core/ports/clock';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { EngineNotice, Notifier } from '../../core/ports/notifier';
import type { OutboxItem } from '../../core/ports/outbox';
import type { Robot } from '../../core/ports/robot';
import type { TimerClaims } from '../../core/ports/timer-claims';
import type { Transaction, UnitOfWork } from '../../core/ports/unit-of-work';
import { storeWebhookEvents } from '../webhooks/record-webhook-events';
import { timedConversations } from './timer-due';
import type { Work } from './work';

export interface EngineDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  notifier: Notifier;
  robot: Robot;
  /**
   * Wakes the outbox sender after a commit that put messages in the outbox, so it looks at once instead
   * of at its next poll. Units that enqueued nothing (most reads, most timer checks) do not wake it.
   */
  wakeOutbox?: () => void;
  /** Several processes sharing the database: a due timer is claimed by one before it fires. */
  timerClaims?: TimerClaims;
  /** Wakes the webhook sender after a commit that stored webhook deliveries. */
  wakeWebhooks?: () => void;
}

export type { Work } from './work';

/** What opening a unit of its own needs: a story that never asks the robot (archiving an agent) needs no more. */
export type UnitDeps = Pick<EngineDeps, 'uow' | 'clock' | 'ids' | 'notifier' | 'wakeOutbox' | 'wakeWebhooks'>;

/** A unit being run: its Work, and whether it enqueued anything (then the sender is woken after the commit). */
export interface OpenUnit {
  w: Work;
  enqueued: boolean;
  /** It stored webhook deliveries (closeUnit): the webhook sender is woken after the commit. */
  webhooks?: boolean;
}

/**
 * Built afresh on each attempt of a unit, so an adapter that retries a unit doubles no notice. Its
 * conversations store, with each save, when their timers fall due next (timer-due.ts).
 */
export function openUnit(deps: UnitDeps, tx: Transaction): OpenUnit {
  const outbox = { enqueue: (item: OutboxItem) => ((unit.enqueued = true), tx.outbox.enqueue(item)) };
  const conversations = timedConversations(tx.conversations, () => unit.w);
  const unit: OpenUnit = {
    w: { tx: { ...tx, outbox, conversations }, now: deps.clock.now(), ids: deps.ids, notices: [] },
    enqueued: false,
  };
  return unit;
}

/** The unit's last step before its commit: the webhook events its notices mean are stored with it. */
export async function closeUnit(unit: OpenUnit): Promise<void> {
  if (await storeWebhookEvents(unit.w.tx, unit.w.notices, unit.w.ids, unit.w.now)) unit.webhooks = true;
}

/** After the commit: the workbenches are told (a notifier failure never undoes the work), the senders woken. */
export async function afterCommit(deps: UnitDeps, notices: readonly EngineNotice[], enqueued: boolean, webhooks = false): Promise<void> {
  if (notices.length > 0) await deps.notifier.notify(notices).catch(() => undefined);
  if (enqueued) deps.wakeOutbox?.();
  if (webhooks) deps.wakeWebhooks?.();
}

/** Runs `story` in one unit of work of its own, then tells the workbenches and wakes the outbox sender. */
export async function inUnit<T>(deps: UnitDeps, story: (w: Work) => Promise<T>): Promise<T> {
  const attempt: { unit?: OpenUnit } = {};
  const result = await deps.uow.run(async (tx) => {
    const unit = openUnit(deps, tx);
    attempt.unit = unit;
    const done = await story(unit.w);
    await closeUnit(unit);
    return done;
  });
  await afterCommit(deps, attempt.unit?.w.notices ?? [], attempt.unit?.enqueued ?? false, attempt.unit?.webhooks);
  return result;
}
