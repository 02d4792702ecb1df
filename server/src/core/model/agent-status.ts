// An agent's availability, on its own so that a WeChat agent's memory (which keeps a status) and the agent
// (which holds that memory) need not import each other.

/**
 * online: assigned automatically; busy: keeps their conversations, gets no new ones;
 * invisible: not assigned automatically, reachable by name or by the last-agent rule; offline: unreachable.
 */
export type AgentStatus = 'online' | 'busy' | 'invisible' | 'offline';
