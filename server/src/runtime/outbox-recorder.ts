// Records the final outcomes of sends in groups: the outcomes that arrive while one group is being
// recorded (or within RECORD_GATHER_MS of the first, or until every send in flight has its outcome,
// whichever comes first: at a trickle a batch's few sends are all answered well within the delay, and
// waiting it out would cost a wake-up of its own) are recorded together, the agent's view in one
// unit of work (record-delivery) and the outbox in one transaction, instead of two commits per send. The
// agent's view comes first, the outbox second, as for one send: a crash in between leaves items whose
// outcome is already recorded, which the next claim finishes without sending again. A send's own promise
// settles when its outcome is stored, so the sender still claims a customer's next item only afterwards.
import { type DeliveryOutcome, type DeliveryReport, recordDeliveries, recordDelivery } from '../app/record-delivery';
import type { EngineDeps } from '../app/support/engine-deps';
import type { ClaimedOutboxItem, OutboxFinish, OutboxStore } from '../core/ports/outbox-store';
import type { Outcome } from './outbox-outcome';

export type Final = Exclude<Outcome, { kind: 'retry' }> & { inDoubt?: boolean };

interface Waiting {
  item: ClaimedOutboxItem;
  final: Final;
  /** false: the agent's view already holds this outcome (a re-claim after a crash); only the outbox is marked. */
  report: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * How long the first outcome of a group waits for the others: a batch's sends are answered within a few
 * milliseconds of each other, and the agent sees "sent" that much later.
 */
export const RECORD_GATHER_MS = 2;

/** At most this many outcomes in one unit of work, so a group's transaction stays short. */
const MAX_GROUP = 100;

export class OutboxRecorder {
  private waiting: Waiting[] = [];
  private draining = false;
  /** The sends in flight whose outcome has not come yet. */
  private readonly inFlight = new Set<string>();
  private gathering: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { store: OutboxStore; engine: EngineDeps; now(): number; recordGatherMs?: number }) {}

  /** Sends now in flight: a group is recorded as soon as none of them is still to report. */
  sending(ids: readonly string[]): void {
    for (const id of ids) this.inFlight.add(id);
  }

  /** A send in flight that records nothing here (it will be retried, or delivering it failed). */
  settled(id: string): void {
    if (this.inFlight.delete(id)) this.recordIfComplete();
  }

  /** Resolves once the outcome is stored (agent's view and outbox), rejects if storing it failed. */
  record(item: ClaimedOutboxItem, final: Final, report = true): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, final, report, resolve, reject });
      this.inFlight.delete(item.id);
      if (!this.draining) {
        this.draining = true;
        this.gathering = setTimeout(() => void this.drain(), this.deps.recordGatherMs ?? RECORD_GATHER_MS);
      }
      this.recordIfComplete();
    });
  }

  private recordIfComplete(): void {
    if (this.inFlight.size > 0 || this.gathering === undefined) return;
    void this.drain();
  }

  private async drain(): Promise<void> {
    clearTimeout(this.gathering);
    this.gathering = undefined;
    while (this.waiting.length > 0) await this.store(this.waiting.splice(0, MAX_GROUP));
    this.draining = false;
  }

  private async store(group: Waiting[]): Promise<void> {
    try {
      const reports = group.filter((w) => w.report).map(reportOf);
      if (reports.length > 0) await recordDeliveries(this.deps.engine, reports);
      await this.deps.store.markFinished(group.map((w) => this.finishOf(w)));
      for (const w of group) w.resolve();
    } catch {
      // One bad outcome (an unknown message) must not keep the others from being stored: each on its own.
      await Promise.all(group.map((w) => this.storeOne(w)));
    }
  }

  private async storeOne(w: Waiting): Promise<void> {
    try {
      if (w.report) await recordDelivery(this.deps.engine, reportOf(w));
      await this.deps.store.markFinished([this.finishOf(w)]);
      w.resolve();
    } catch (err) {
      w.reject(err);
    }
  }

  private finishOf(w: Waiting): OutboxFinish {
    const at = this.deps.now();
    const { id } = w.item;
    const f = w.final;
    if (f.kind === 'sent') return { id, at, kind: 'sent' };
    return { id, at, kind: 'failed', reason: f.reason, ...(f.wechatCode !== undefined && { wechatCode: f.wechatCode }) };
  }
}

function reportOf(w: Waiting): DeliveryReport {
  return { messageId: w.item.messageId, outcome: deliveryOutcome(w.item, w.final) };
}

/** What the agent sees: an item that was in doubt and then sent may arrive twice. */
function deliveryOutcome(item: ClaimedOutboxItem, final: Final): DeliveryOutcome {
  if (final.kind === 'sent') return { status: 'sent', ...((item.inDoubt || final.inDoubt) && { inDoubt: true }) };
  return {
    status: 'failed',
    reason: final.reason,
    ...(final.wechatCode !== undefined && { wechatCode: final.wechatCode }),
    ...(final.reasonCode !== undefined && { reasonCode: final.reasonCode }),
  };
}
