// What the server remembers about an agent who answers from their own WeChat, between two of their
// messages. Kept on the agent record under `wechatMemory`; agents are stored as JSON, so the key and the
// fields below are a stored format: renaming one needs a migration step (storage/migrations/). Short
// customer numbers (the agent types @3 on a phone, not a ULID), the customer their plain messages go to,
// what was already forwarded to them, a pending 清零, and what to tell them when WeChat's window had cut
// them off. Pure.
import type { AgentStatus } from '../model/agent-status';

export interface CustomerNumber {
  n: number;
  customerId: string;
}

export interface Unreachable {
  since: number;
  /** What WeChat said (or would have said): 45015 window closed, 45047 quota used up. */
  code: 45015 | 45047;
  /** The status to restore when the agent writes again (unless they changed it meanwhile). */
  statusBefore: AgentStatus;
  /** One line per customer that had to move, for the agent. */
  moved: string[];
}

export interface WeChatAgentMemory {
  /** The agent's conversation (app/wechat-agent/agent-conversation.ts): records what they write and what is sent to them. */
  agentConversationId?: string;
  /** Where the agent's plain messages go. */
  currentConversationId?: string;
  numbers: CustomerNumber[];
  nextNumber: number;
  /** Conversation id → the newest customer message forwarded to the agent (ids sort by creation). */
  forwarded: Record<string, string>;
  /** A 清零 waits for its confirmation until then. */
  confirmClearUntil?: number;
  unreachable?: Unreachable;
  /** Told the next time the agent writes (messages that could not reach them, customers who left). */
  notes: string[];
}

/** Numbers kept per agent; the oldest not in use are forgotten first. */
const MAX_NUMBERS = 200;
const MAX_NOTES = 10;

export function emptyMemory(): WeChatAgentMemory {
  return { numbers: [], nextNumber: 1, forwarded: {}, notes: [] };
}

/** The customer's short number for this agent, created when new. */
export function numberFor(memory: WeChatAgentMemory, customerId: string): { memory: WeChatAgentMemory; n: number } {
  const known = memory.numbers.find((x) => x.customerId === customerId);
  if (known) return { memory, n: known.n };
  const n = memory.nextNumber;
  const numbers = [...memory.numbers, { n, customerId }].slice(-MAX_NUMBERS);
  return { memory: { ...memory, numbers, nextNumber: n + 1 }, n };
}

export function customerOfNumber(memory: WeChatAgentMemory, n: number): string | undefined {
  return memory.numbers.find((x) => x.n === n)?.customerId;
}

export function withNote(memory: WeChatAgentMemory, note: string): WeChatAgentMemory {
  return { ...memory, notes: [...memory.notes, note].slice(-MAX_NOTES) };
}

/** The agent no longer holds the conversation (ended, moved away): nothing of it is kept. */
export function forget(memory: WeChatAgentMemory, conversationId: string): WeChatAgentMemory {
  const { [conversationId]: _gone, ...forwarded } = memory.forwarded;
  const { currentConversationId, ...rest } = memory;
  return {
    ...rest,
    forwarded,
    ...(currentConversationId !== undefined && currentConversationId !== conversationId && { currentConversationId }),
  };
}
