// Which engine notices a caller's live stream carries (merchant isolation): platform admins see all;
// merchant admins and supervisors their merchant (or a supervisor's whole channel); agents their merchant's queue and colleagues' status, but of
// conversations only the unassigned ones (the queue) and their own (including one just taken from them).
import type { EngineNotice } from '../../core/ports/notifier';
import type { Principal } from '../../app/auth/principal';
import { reaches } from '../../app/auth/policy';
import { actAs } from '../../app/auth/seats';

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

export function maySee(caller: Principal, n: EngineNotice): boolean {
  const p = actAs(caller, n.channelId); // an agent working in several channels: as the agent of the notice's channel
  if (!reaches(p, n)) return false;
  return p.role !== 'agent' || concernsAgent(n, p.agentId);
}
