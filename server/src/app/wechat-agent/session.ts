// One message from a WeChat agent being handled: the agent, their memory as it changes, their own
// conversation, and `tell` for answers. Everything happens in the unit of work of the push (process-inbox-entry.ts): the
// use cases a command sets off run in `w`, never in a unit of their own.
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import { numberFor, withNote, type WeChatAgentMemory } from '../../core/wechat-agent/memory';
import type { KnowledgeLookup } from '../../core/wechat-agent/knowledge';
import type { QuickReplyLookup } from '../../core/wechat-agent/quick-replies';
import { customerLabel } from '../../core/wechat-agent/texts';
import type { Work } from '../support/engine-deps';
import { sendToAgent } from './agent-conversation';

export interface WeChatAgentOptions {
  knowledge?: KnowledgeLookup;
  quickReplies?: QuickReplyLookup;
}

export class WeChatAgentSession {
  constructor(
    readonly w: Work,
    readonly agent: Agent & { wechatOpenid: string },
    public memory: WeChatAgentMemory,
    readonly agentConversation: Conversation,
    readonly options: WeChatAgentOptions,
  ) {}

  /** An answer to the agent; one that WeChat's window refuses is kept for their next message. */
  async tell(text: string): Promise<void> {
    const sent = await sendToAgent(this.w, this.agentConversation, { type: 'text', text });
    if (!sent.sent) this.memory = withNote(this.memory, text);
  }

  /** `#3 张三`, numbering the customer for this agent if new. */
  async label(customerId: string): Promise<string> {
    const { memory, n } = numberFor(this.memory, customerId);
    this.memory = memory;
    const customer = await this.w.tx.customers.get(customerId);
    return customerLabel(n, customer?.nickname);
  }

  /** The conversation the agent's plain messages go to, when it is still theirs. */
  async current(): Promise<Conversation | undefined> {
    const id = this.memory.currentConversationId;
    const c = id === undefined ? undefined : await this.w.tx.conversations.get(id);
    return c?.state === 'assigned' && c.agentId === this.agent.id ? c : undefined;
  }

  /** Their conversations, the one waiting longest for an answer first. */
  async held(): Promise<Conversation[]> {
    const list = await this.w.tx.conversations.listByAgent(this.agent.id, 'assigned');
    return list.sort(
      (a, b) => (a.customerWaitingSince ?? Infinity) - (b.customerWaitingSince ?? Infinity) || (a.assignedAt ?? 0) - (b.assignedAt ?? 0),
    );
  }
}
