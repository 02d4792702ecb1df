// The engine's Notifier for one process: notices go to whoever subscribed (the workbench's live channel,
// agents answering from WeChat). A notice is a hint to reload; a listener that throws loses its own
// notice and nothing else. With several nodes on one PostgreSQL database a relay (the PostgreSQL notice
// bridge) carries each notice to the other nodes, whose hubs hand it to their own subscribers: local
// subscribers hear a notice at once, from this hub, and never a second time through the relay.
import type { EngineNotice, NoticeListener, NoticeSource, Notifier } from '../core/ports/notifier';

/** Carries this node's notices to the other nodes (it must not hand them back to this node). */
export interface NoticeRelay {
  publish(notices: readonly EngineNotice[]): void;
}

export class NoticeHub implements Notifier, NoticeSource {
  private readonly listeners = new Set<NoticeListener>();
  private readonly localListeners = new Set<NoticeListener>();
  private relay: NoticeRelay | undefined;

  /** Every node's notices (the workbench's live channel). Returns the function that unsubscribes. */
  subscribe(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Only this node's own notices: for subscribers that act on them (forwarding to agents on WeChat), so
   * that one action happens once in the cluster, on the node whose engine made the change.
   */
  subscribeLocal(listener: NoticeListener): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  /** From now on this node's notices also go to the other nodes through `relay`. */
  relayTo(relay: NoticeRelay): void {
    this.relay = relay;
  }

  async notify(notices: readonly EngineNotice[]): Promise<void> {
    this.deliver(notices);
    hand(this.localListeners, notices);
    try {
      this.relay?.publish(notices);
    } catch {
      // A hint lost to other nodes costs a reload there, never this node's work.
    }
  }

  /** Hands notices to this node's subscribers only: what the relay calls with other nodes' notices. */
  deliver(notices: readonly EngineNotice[]): void {
    hand(this.listeners, notices);
  }
}

function hand(listeners: Set<NoticeListener>, notices: readonly EngineNotice[]): void {
  for (const listener of listeners) {
    try {
      listener(notices);
    } catch {
      // One broken subscriber must not keep the others (or the engine) from their notices.
    }
  }
}
