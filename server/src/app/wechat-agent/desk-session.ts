// One message from a WeChat agent being handled: the agent, their desk as it changes, their line, and
// `tell` for answers. Everything happens in the unit of work of the push (process-inbox-entry.ts): the
// use cases a command sets off run in `w`, never in a unit of their own.
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import { numberFor, withNote, type WeChatDesk } from '../../core/wechat-agent/desk';
import type { KnowledgeLookup } from '../../core/wechat-agent/knowledge';
import { customerLabel } from '../../core/wechat-agent/texts';
import type { Work } from '../support/engine-deps';
import { sendOnLine } from './agent-line';

export interface DeskOptions {
  knowledge?: KnowledgeLookup;
}

export class DeskSession {
  constructor(
    readonly w: Work,
    readonly agent: Agent & { wechatOpenid: string },
    public desk: WeChatDesk,
    readonly line: Conversation,
    readonly options: DeskOptions,
  ) {}

  /** An answer to the agent; one that WeChat's window refuses is kept for their next message. */
  async tell(text: string): Promise<void> {
    const sent = await sendOnLine(this.w, this.line, { type: 'text', text });
    if (!sent.sent) this.desk = withNote(this.desk, text);
  }

  /** `#3 张三`, numbering the customer on this desk if new. */
  async label(customerId: string): Promise<string> {
    const { desk, n } = numberFor(this.desk, customerId);
    this.desk = desk;
    const customer = await this.w.tx.customers.get(customerId);
    return customerLabel(n, customer?.nickname);
  }

  /** The conversation the agent's plain messages go to, when it is still theirs. */
  async current(): Promise<Conversation | undefined> {
    const id = this.desk.currentConversationId;
    const c = id === undefined ? undefined : await this.w.tx.conversations.get(id);
    return c?.state === 'assigned' && c.agentId === this.agent.id ? c : undefined;
  }

  /** Their conversations, the one waiting longest for an answer first. */
  async held(): Promise<Conversation[]> {
    const list = await this.w.tx.conversations.listByAgent(this.agent.id, 'assigned');
    return list.sort((a, b) => (a.customerWaitingSince ?? Infinity) - (b.customerWaitingSince ?? Infinity) || (a.assignedAt ?? 0) - (b.assignedAt ?? 0));
  }
}
