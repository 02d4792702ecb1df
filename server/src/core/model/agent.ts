// An agent (seat): a person answering customers from the workbench or their own WeChat.
import type { WeChatAgentMemory } from '../wechat-agent/memory';
import type { AgentStatus } from './agent-status';

export type { AgentStatus } from './agent-status';

export interface Agent {
  id: string;
  channelId: string;
  /** Undefined: the platform's own team. */
  merchantId?: string;
  name: string;
  status: AgentStatus;
  /** How many conversations the agent may hold at once (state `assigned`). */
  maxConcurrent: number;
  groupIds: string[];
  statusChangedAt?: number;
  /** When the agent last received a conversation; round-robin and tie-breaks use it. */
  lastAssignedAt?: number;
  /** The agent's own WeChat openid when they answer from their own WeChat. */
  wechatOpenid?: string;
  /** Set by admins: the agent may transfer and end colleagues' conversations, not only their own. */
  canActOnColleagues?: boolean;
  /** When an admin archived the agent: out of routing and the default lists, logins refused, history kept. */
  archivedAt?: number;
  /**
   * What the server remembers between two of the agent's WeChat messages (internal, never in the API).
   * The key is a stored format (agents are JSON in the database): renaming it needs a migration.
   */
  wechatMemory?: WeChatAgentMemory;
}

/** An agent with the number of conversations currently assigned to them. */
export interface AgentLoad {
  agent: Agent;
  load: number;
}

/** Present agents can hold conversations; invisible ones only when asked for by name or as last agent. */
export function isPresent(status: AgentStatus): boolean {
  return status === 'online' || status === 'invisible';
}
