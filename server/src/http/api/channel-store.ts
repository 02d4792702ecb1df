// The channel storage port (core/ports/channel-store.ts) as the API uses it, plus an in-memory store for
// tests. Answers show channels only through publicChannel (an allow-list: secrets never leave).
import type { ChannelRecord, ChannelStore } from '../../core/ports/channel-store';

export { publicChannel, type ChannelRecord, type ChannelStore, type PublicChannel } from '../../core/ports/channel-store';

export class InMemoryChannelStore implements ChannelStore {
  readonly rows = new Map<string, ChannelRecord>();
  async list() {
    return [...this.rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => structuredClone(c));
  }
  async get(id: string) {
    return structuredClone(this.rows.get(id));
  }
  async save(record: ChannelRecord) {
    this.rows.set(record.id, structuredClone(record));
  }
  async delete(id: string) {
    return this.rows.delete(id);
  }
}
