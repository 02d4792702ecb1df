// ChannelStore in memory, for tests of whatever manages or reads channels. Behaves like
// SqliteChannelStore (both pass contract/channel-store-contract.ts), minus the sealing.
import type { ChannelActivity } from '../../core/channel';
import type { ChannelRecord, ChannelStore } from '../../core/ports/channel-store';

export class InMemoryChannelStore implements ChannelStore {
  readonly records = new Map<string, ChannelRecord>();
  private readonly revisions = new Map<string, number>();

  async list(): Promise<ChannelRecord[]> {
    return [...this.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => structuredClone(r));
  }

  async get(id: string): Promise<ChannelRecord | undefined> {
    const r = this.records.get(id);
    return r && structuredClone(r);
  }

  async save(record: ChannelRecord): Promise<void> {
    const { lastVerifiedAt: _v, lastPushAt: _p, ...rest } = structuredClone(record);
    const stored = this.records.get(record.id);
    this.revisions.set(record.id, stored === undefined ? 0 : (this.revisions.get(record.id) ?? 0) + 1);
    this.records.set(record.id, {
      ...rest,
      ...(stored?.lastVerifiedAt !== undefined && { lastVerifiedAt: stored.lastVerifiedAt }),
      ...(stored?.lastPushAt !== undefined && { lastPushAt: stored.lastPushAt }),
    });
  }

  async recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void> {
    const stored = this.records.get(id);
    if (stored) stored[activity === 'verified' ? 'lastVerifiedAt' : 'lastPushAt'] = atMs;
  }

  async delete(id: string): Promise<boolean> {
    this.revisions.delete(id);
    return this.records.delete(id);
  }

  async revision(id: string): Promise<number | undefined> {
    return this.revisions.get(id);
  }
}
