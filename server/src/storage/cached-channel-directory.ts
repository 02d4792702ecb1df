// ChannelDirectory over a ChannelStore, with a small in-process cache: the push path looks its channel up
// on every push, and opening sealed secrets each time would cost more than the rest of the lookup. Writes
// made through this object invalidate at once. Writes made elsewhere (the CLI, another node of a cluster)
// are seen through the store's revision of the channel, one cheap read: compared at most once per
// `recheckMs` (a second) while the channel is in use, and again as soon as a push or a URL check is refused
// with the kept settings (changedSince), so WeChat's verification of a Token just saved on another node
// succeeds at once instead of being refused until the cache expires.
// It also keeps the push path's writes rare: WeChat's activity (URL verified, push arrived) is written at
// most once per `activityEveryMs` per channel and kind, in the background.
import type { ChannelActivity, ChannelConfig, ChannelDirectory } from '../core/channel';
import type { Clock } from '../core/ports/clock';
import type { ChannelRecord, ChannelStore } from '../core/ports/channel-store';

interface Entry {
  record: Readonly<ChannelRecord>;
  /** The store's revision of the channel when the record was read. */
  revision: number;
  /** When the revision was last compared with the store's. */
  checkedAt: number;
}

/** How long a kept channel is served before its revision is read again. */
export const RECHECK_MS = 1000;
/** After a refusal, the least time between two reads of one channel's revision (a flood of bad signatures). */
const REFUSAL_RECHECK_MS = 100;

export interface CachedChannelDirectoryOptions {
  recheckMs?: number;
  clock?: Clock;
  /** The least time between two activity writes of one channel and kind; default one minute. */
  activityEveryMs?: number;
}

/** Also a ChannelStore: route admin writes through it so the cache never serves a changed channel. */
export class CachedChannelDirectory implements ChannelDirectory, ChannelStore {
  private readonly cache = new Map<string, Entry>();
  /** Bumped by every write, so a read that started before it does not cache what it read. */
  private generation = 0;
  private readonly recheckMs: number;
  private readonly clock: Clock;
  private readonly activityEveryMs: number;
  /** Per kind, channel id → when that activity was last written (no key built per push). */
  private readonly activityWritten: Record<ChannelActivity, Map<string, number>> = { verified: new Map(), push: new Map() };

  constructor(
    private readonly store: ChannelStore,
    options: CachedChannelDirectoryOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.activityEveryMs = options.activityEveryMs ?? 60_000;
  }

  /** Writes the activity unless it was written less than `activityEveryMs` ago; never waits, never throws. */
  noteActivity(id: string, activity: ChannelActivity, atMs: number): void {
    const written = this.activityWritten[activity];
    const last = written.get(id);
    if (last !== undefined && Math.abs(atMs - last) < this.activityEveryMs) return;
    written.set(id, atMs);
    // What the channel page shows; a failed write (the database closing, busy) must not fail the push.
    this.store.recordActivity(id, activity, atMs).catch(() => written.delete(id));
  }

  recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void> {
    return this.store.recordActivity(id, activity, atMs);
  }

  /** The channel with its secrets (a ChannelRecord), shared and frozen: do not change it. Unknown ids are not cached. */
  async find(id: string): Promise<ChannelConfig | undefined> {
    return this.findRecord(id);
  }

  async findRecord(id: string): Promise<Readonly<ChannelRecord> | undefined> {
    const now = this.clock.now();
    const hit = this.cache.get(id);
    if (hit && now - hit.checkedAt < this.recheckMs) return hit.record;
    return this.load(id, hit, now);
  }

  /**
   * `seen` (a record this directory handed out) was refused a push or a URL check: the channel as stored
   * now when it changed since, else undefined. The revision is read at most once per REFUSAL_RECHECK_MS.
   */
  async changedSince(seen: ChannelConfig): Promise<ChannelConfig | undefined> {
    const hit = this.cache.get(seen.id);
    let current: ChannelConfig | undefined;
    // Another call read the channel anew meanwhile: that record is the one to try.
    if (hit?.record !== seen) current = await this.findRecord(seen.id);
    else {
      const now = this.clock.now();
      if (now - hit.checkedAt < REFUSAL_RECHECK_MS) return undefined;
      current = await this.load(seen.id, hit, now);
    }
    return current === seen ? undefined : current;
  }

  /** The kept record while the store's revision is the one it was read at, else the record read again. */
  private async load(id: string, hit: Entry | undefined, now: number): Promise<Readonly<ChannelRecord> | undefined> {
    const generation = this.generation;
    const revision = await this.store.revision(id);
    if (revision === undefined) {
      this.cache.delete(id);
      return undefined;
    }
    if (hit && hit.revision === revision && generation === this.generation) {
      hit.checkedAt = now;
      return hit.record;
    }
    const record = await this.store.get(id);
    if (!record) {
      this.cache.delete(id);
      return undefined;
    }
    const frozen = Object.freeze(record);
    if (generation === this.generation) this.cache.set(id, { record: frozen, revision, checkedAt: now });
    return frozen;
  }

  list(): Promise<ChannelRecord[]> {
    return this.store.list();
  }

  get(id: string): Promise<ChannelRecord | undefined> {
    return this.store.get(id);
  }

  revision(id: string): Promise<number | undefined> {
    return this.store.revision(id);
  }

  async save(record: ChannelRecord): Promise<void> {
    this.invalidate(record.id);
    await this.store.save(record);
    this.invalidate(record.id);
  }

  async delete(id: string): Promise<boolean> {
    this.invalidate(id);
    const existed = await this.store.delete(id);
    this.invalidate(id);
    return existed;
  }

  /** A change also restarts the activity record, so the first verification after it is written at once. */
  private invalidate(id: string): void {
    this.generation += 1;
    this.cache.delete(id);
    this.activityWritten.verified.delete(id);
    this.activityWritten.push.delete(id);
  }
}
