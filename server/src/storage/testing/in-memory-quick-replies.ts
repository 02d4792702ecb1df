// The quick reply store in memory, for the stories' tests; it passes the same contract as the adapters.
import type { QuickReplyStore } from '../../core/ports/quick-reply-store';
import { type QuickReply, type QuickReplyOwner, sameOwner } from '../../core/quick-replies/quick-reply';

export class InMemoryQuickReplyStore implements QuickReplyStore {
  private readonly rows = new Map<string, QuickReply>();

  async all(): Promise<QuickReply[]> {
    return [...this.rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => structuredClone(r));
  }

  async list(owner: QuickReplyOwner): Promise<QuickReply[]> {
    return [...this.rows.values()].filter((r) => sameOwner(r, owner)).map((r) => structuredClone(r));
  }

  async get(id: string): Promise<QuickReply | undefined> {
    const r = this.rows.get(id);
    return r && structuredClone(r);
  }

  async save(replies: readonly QuickReply[]): Promise<void> {
    for (const r of replies) this.rows.set(r.id, structuredClone(r));
  }

  async remove(id: string): Promise<boolean> {
    return this.rows.delete(id);
  }
}
