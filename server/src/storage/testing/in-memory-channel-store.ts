// ChannelStore in memory, for tests of whatever manages or reads channels. Behaves like
// SqliteChannelStore (both pass contract/channel-store-contract.ts), minus the sealing.
import type { ChannelRecord, ChannelStore } from '../../core/ports/channel-store';

export class InMemoryChannelStore implements ChannelStore {
  readonly records = new Map<string, ChannelRecord>();

  async list(): Promise<ChannelRecord[]> {
    return [...this.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => structuredClone(r));
  }

  async get(id: string): Promise<ChannelRecord | undefined> {
    const r = this.records.get(id);
    return r && structuredClone(r);
  }

  async save(record: ChannelRecord): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }
}
