// The engine's Notifier for one process: notices go to whoever subscribed (the workbench's live channel,
// agents answering from WeChat). A notice is a hint to reload; a listener that throws loses its own
// notice and nothing else. A PostgreSQL + Redis deployment would fan out through Redis instead.
import type { EngineNotice, NoticeListener, NoticeSource, Notifier } from '../core/ports/notifier';

export class NoticeHub implements Notifier, NoticeSource {
  private readonly listeners = new Set<NoticeListener>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async notify(notices: readonly EngineNotice[]): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener(notices);
      } catch {
        // One broken subscriber must not keep the others (or the engine) from their notices.
      }
    }
  }
}
