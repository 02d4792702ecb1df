// Passes the engine's notices to the agents who answer from their own WeChat
// (app/wechat-agent/keep-agents-informed.ts): forwards to them what they must hear, and cuts them off when
// WeChat refuses to reach them. Notices are handled one batch after another (each step is a unit of work)
// and never block the notifier; a failure is logged, and the next notice about the same conversation
// forwards what was missed (forwarding is idempotent).
import type { Logger } from 'pino';
import type { EngineDeps } from '../app/support/engine-deps';
import { keepAgentsInformed } from '../app/wechat-agent/keep-agents-informed';
import type { EngineNotice } from '../core/ports/notifier';

const fromCustomer = (n: Extract<EngineNotice, { type: 'message_added' }>) =>
  n.message?.direction === 'in' && n.message.sender.kind === 'customer';

export class NoticesToWeChatAgents {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: EngineDeps,
    private readonly logger: Logger,
  ) {}

  /** For NoticeHub.subscribe. */
  readonly listener = (notices: readonly EngineNotice[]): void => {
    // Only these concern a WeChat agent; message_delivered, statuses and the queue length do not. A customer's own
    // message is forwarded by the story that records it, in the same unit (customerWroteOnWeChat), so its
    // notice is skipped: following it cost every customer message a second unit of work for nothing.
    const relevant = notices.filter(
      (n) => n.type === 'conversation_changed' || n.type === 'delivery_failed' || (n.type === 'message_added' && !fromCustomer(n)),
    );
    if (relevant.length === 0) return;
    this.chain = this.chain.then(() =>
      keepAgentsInformed(this.engine, relevant).catch((err: unknown) =>
        this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'relaying to a WeChat agent failed'),
      ),
    );
  };

  /** Resolves when every notice received so far has been handled (stop, tests). */
  idle(): Promise<void> {
    return this.chain;
  }
}
