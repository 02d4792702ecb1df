// The quick reply store with every reply also kept in memory, for the WeChat agents' `/q`, which runs
// inside the push's unit of work and may not read the database there (a SQLite connection serves one
// piece of work at a time). Writes through this node update the copy at once; another node's (or the
// CLI's) show after the next reload, which the composition root runs every few seconds.
import type { QuickReplyStore } from '../core/ports/quick-reply-store';
import { type QuickReply, type QuickReplyOwner, sameOwner } from '../core/quick-replies/quick-reply';

export class CachedQuickReplies implements QuickReplyStore {
  private copy = new Map<string, QuickReply>();

  constructor(private readonly inner: QuickReplyStore) {}

  async reload(): Promise<void> {
    this.copy = new Map((await this.inner.all()).map((r) => [r.id, r]));
  }

  /** One owner's replies from memory (no database read). */
  peek(owner: QuickReplyOwner): QuickReply[] {
    return [...this.copy.values()].filter((r) => sameOwner(r, owner));
  }

  all(): Promise<QuickReply[]> {
    return this.inner.all();
  }

  list(owner: QuickReplyOwner): Promise<QuickReply[]> {
    return this.inner.list(owner);
  }

  get(id: string): Promise<QuickReply | undefined> {
    return this.inner.get(id);
  }

  async save(replies: readonly QuickReply[]): Promise<void> {
    await this.inner.save(replies);
    for (const r of replies) this.copy.set(r.id, r);
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.inner.remove(id);
    this.copy.delete(id);
    return removed;
  }
}
