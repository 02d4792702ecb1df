// Which engine notices a caller's live stream carries (merchant isolation): platform admins see all;
// merchant admins their merchant; agents their merchant's queue and colleagues' status, but of
// conversations only the unassigned ones (the queue) and their own (including one just taken from them).
import type { EngineNotice } from '../../core/ports/notifier';
import type { Principal } from '../../app/auth/principal';
import { reaches } from '../../app/auth/policy';

function concernsAgent(n: EngineNotice, agentId: string): boolean {
  switch (n.type) {
    case 'queue_changed':
    case 'agent_changed':
      return true;
    case 'agent_no_reply':
      return n.agentId === agentId;
    case 'conversation_changed':
      return n.agentId === undefined || n.agentId === agentId || n.previousAgentId === agentId;
    case 'message_added':
    case 'delivery_failed':
    case 'message_delivered':
    case 'note_added':
      return n.agentId === undefined || n.agentId === agentId;
  }
}

export function maySee(p: Principal, n: EngineNotice): boolean {
  if (!reaches(p, n)) return false;
  return p.role !== 'agent' || concernsAgent(n, p.agentId);
}
