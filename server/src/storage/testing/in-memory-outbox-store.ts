// OutboxStore over the in-memory store's outbox (core/testing/in-memory-store.ts), for tests of the
// sender. Same rules as SqliteOutboxStore; both pass outbox-store-contract.ts. The items stay in the
// store's array (read afresh each call: a rolled-back unit replaces it); their states live beside them.
import type { OutboxItem } from '../../core/ports/outbox';
import type { ClaimedOutboxItem, OutboxEntry, OutboxFinish, OutboxStore } from '../../core/ports/outbox-store';
import type { RetentionPage, RetentionStep } from '../../core/ports/retention';

type State = Omit<OutboxEntry, keyof OutboxItem> & { leaseOwner?: string };

const older = (a: OutboxItem, b: OutboxItem) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

export class InMemoryOutboxStore implements OutboxStore {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly store: { data: { outbox: OutboxItem[] } },
    private readonly leaseMs = 12_000,
    private readonly owner = 'memory',
  ) {}

  async claimDue(now: number, limit: number): Promise<ClaimedOutboxItem[]> {
    const pending = this.store.data.outbox.filter((i) => this.state(i).status === 'pending');
    const due = pending
      .filter((i) => this.state(i).nextAttemptAt <= now && (this.state(i).leaseUntil ?? 0) <= now)
      .filter((i) => !pending.some((p) => p.channelId === i.channelId && p.toOpenid === i.toOpenid && older(p, i)))
      .sort((a, b) => this.state(a).nextAttemptAt - this.state(b).nextAttemptAt || (a.id < b.id ? -1 : 1))
      .slice(0, Math.max(0, limit));
    return due.map((i) => {
      const s = this.state(i);
      // A lease that ran out without an outcome is a sender that died mid-send.
      const inDoubt = s.inDoubt || s.leaseUntil !== undefined;
      this.states.set(i.id, { ...s, attempts: s.attempts + 1, leaseUntil: now + this.leaseMs, leaseOwner: this.owner, inDoubt });
      return structuredClone({ ...i, attempts: s.attempts + 1, ...(s.lastError !== undefined && { lastError: s.lastError }), inDoubt });
    });
  }

  async renewLeases(ids: readonly string[], now: number): Promise<string[]> {
    const held = this.store.data.outbox.filter((i) => {
      const s = this.state(i);
      return ids.includes(i.id) && s.status === 'pending' && s.leaseOwner === this.owner && (s.leaseUntil ?? 0) > now;
    });
    for (const i of held) this.states.set(i.id, { ...this.state(i), leaseUntil: now + this.leaseMs });
    return held.map((i) => i.id);
  }

  async releaseClaimsOf(isDead: (owner: string) => boolean, now: number): Promise<number> {
    let released = 0;
    for (const i of this.store.data.outbox) {
      const s = this.state(i);
      if (s.status !== 'pending' || (s.leaseUntil ?? 0) <= now || s.leaseOwner === undefined) continue;
      if (s.leaseOwner === this.owner || !isDead(s.leaseOwner)) continue;
      this.states.set(i.id, { ...s, leaseUntil: now });
      released++;
    }
    return released;
  }

  async markSent(id: string, at: number): Promise<void> {
    this.finish(id, (s) => ({ ...s, status: 'sent', finishedAt: at }));
  }

  async markRetry(id: string, nextAttemptAt: number, error: string, inDoubt = false): Promise<void> {
    this.finish(id, (s) => ({ ...s, nextAttemptAt, lastError: error, inDoubt: s.inDoubt || inDoubt }));
  }

  async markFailed(id: string, at: number, reason: string, wechatCode?: number): Promise<void> {
    this.finish(id, (s) => ({
      ...s,
      status: 'failed',
      finishedAt: at,
      lastError: reason,
      ...(wechatCode !== undefined && { wechatCode }),
    }));
  }

  async markFinished(outcomes: readonly OutboxFinish[]): Promise<void> {
    for (const o of outcomes) {
      if (o.kind === 'sent') await this.markSent(o.id, o.at);
      else await this.markFailed(o.id, o.at, o.reason, o.wechatCode);
    }
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const item = this.store.data.outbox.find((i) => i.id === id);
    if (!item) return undefined;
    const { leaseOwner: _owner, ...state } = this.state(item);
    return structuredClone({ ...item, ...state });
  }

  async removeFinished(before: number, { after = '', size }: RetentionPage): Promise<RetentionStep> {
    const page = this.store.data.outbox
      .filter((i) => i.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, size);
    const last = page[page.length - 1];
    if (last === undefined) return { removed: 0 };
    const gone = new Set(
      page.filter((i) => this.state(i).status !== 'pending' && (this.state(i).finishedAt ?? before) < before).map((i) => i.id),
    );
    this.store.data.outbox = this.store.data.outbox.filter((i) => !gone.has(i.id));
    for (const id of gone) this.states.delete(id);
    return page.length === size && last.createdAt < before ? { removed: gone.size, next: last.id } : { removed: gone.size };
  }

  private state(item: OutboxItem): State {
    return this.states.get(item.id) ?? { status: 'pending', attempts: 0, nextAttemptAt: item.createdAt, inDoubt: false };
  }

  /** Applies `change` to a pending item and drops its lease; anything else is left alone. */
  private finish(id: string, change: (s: State) => State): void {
    const item = this.store.data.outbox.find((i) => i.id === id);
    if (!item || this.state(item).status !== 'pending') return;
    const { leaseUntil: _released, leaseOwner: _owner, ...rest } = change(this.state(item));
    this.states.set(id, rest);
  }
}
