// ChannelDirectory over a ChannelStore, with a small in-process cache: the push path looks its channel up
// on every push, and opening sealed secrets each time would cost more than the rest of the lookup. Writes
// made through this object invalidate at once; writes by another process (the CLI) are seen after `ttlMs`.
// It also keeps the push path's writes rare: WeChat's activity (URL verified, push arrived) is written at
// most once per `activityEveryMs` per channel and kind, in the background.
import type { ChannelActivity, ChannelConfig, ChannelDirectory } from '../core/channel';
import type { Clock } from '../core/ports/clock';
import type { ChannelRecord, ChannelStore } from '../core/ports/channel-store';

interface Entry {
  record: Readonly<ChannelRecord>;
  loadedAt: number;
}

export interface CachedChannelDirectoryOptions {
  ttlMs?: number;
  clock?: Clock;
  /** The least time between two activity writes of one channel and kind; default one minute. */
  activityEveryMs?: number;
}

/** Also a ChannelStore: route admin writes through it so the cache never serves a changed channel. */
export class CachedChannelDirectory implements ChannelDirectory, ChannelStore {
  private readonly cache = new Map<string, Entry>();
  /** Bumped by every write, so a read that started before it does not cache what it read. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly clock: Clock;
  private readonly activityEveryMs: number;
  /** Per kind, channel id → when that activity was last written (no key built per push). */
  private readonly activityWritten: Record<ChannelActivity, Map<string, number>> = { verified: new Map(), push: new Map() };

  constructor(
    private readonly store: ChannelStore,
    options: CachedChannelDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
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
    if (hit && now - hit.loadedAt < this.ttlMs) return hit.record;
    const generation = this.generation;
    const record = await this.store.get(id);
    if (!record) {
      this.cache.delete(id);
      return undefined;
    }
    const frozen = Object.freeze(record);
    if (generation === this.generation) this.cache.set(id, { record: frozen, loadedAt: now });
    return frozen;
  }

  list(): Promise<ChannelRecord[]> {
    return this.store.list();
  }

  get(id: string): Promise<ChannelRecord | undefined> {
    return this.store.get(id);
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
