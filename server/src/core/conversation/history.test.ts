import type { Conversation } from '../model/conversation';
import { HISTORY_LIMIT, stepOf, withHistory } from './history';

const base: Conversation = {
  id: 'c',
  channelId: 'ch',
  customerId: 'u',
  state: 'bot',
  remainingChain: [],
  excludedAgentIds: [],
  createdAt: 0,
};
const assigned = (agentId: string): Conversation => ({ ...base, state: 'assigned', agentId });

describe('a conversation’s history', () => {
  it('names each step: assigned, transferred (agent to agent, agent to a queue), queued, taken, left message, ended', () => {
    expect(stepOf(undefined, assigned('a'), 1)).toEqual({ at: 1, kind: 'assigned', agentId: 'a' });
    expect(stepOf(base, { ...base, state: 'queued', queuedFor: { kind: 'pool' } }, 2)).toEqual({
      at: 2,
      kind: 'queued',
      queuedFor: { kind: 'pool' },
    });
    expect(stepOf(assigned('a'), { ...assigned('b'), groupId: 'g' }, 3)).toEqual({
      at: 3,
      kind: 'transferred',
      agentId: 'b',
      fromAgentId: 'a',
      groupId: 'g',
    });
    const requeued = { ...base, state: 'queued' as const, queuedFor: { kind: 'group' as const, groupId: 'g' }, groupId: 'g' };
    expect(stepOf(assigned('a'), requeued, 4)).toMatchObject({
      kind: 'transferred',
      fromAgentId: 'a',
      queuedFor: { kind: 'group', groupId: 'g' },
    });
    expect(stepOf({ ...base, state: 'left_message' }, assigned('a'), 5)).toEqual({ at: 5, kind: 'taken', agentId: 'a' });
    expect(stepOf(assigned('a'), { ...base, state: 'left_message' }, 6)).toEqual({ at: 6, kind: 'left_message', fromAgentId: 'a' });
    expect(stepOf(assigned('a'), { ...assigned('a'), state: 'ended', endReason: 'agent_ended' }, 7)).toEqual({
      at: 7,
      kind: 'ended',
      agentId: 'a',
      endReason: 'agent_ended',
    });
  });

  it('records nothing when what it shows did not change, nor the placeholder of a conversation about to be routed', () => {
    expect(stepOf(undefined, { ...base, state: 'queued' }, 1)).toBeUndefined();
    expect(stepOf(assigned('a'), { ...assigned('a'), lastAgentMessageAt: 9 }, 9)).toBeUndefined();
    expect(stepOf(base, { ...base, lastCustomerMessageAt: 9 }, 9)).toBeUndefined();
  });

  it('keeps the stored history over a stale copy, and only the newest steps', () => {
    const stored = withHistory(undefined, assigned('a'), 1);
    const stale = { ...assigned('a'), lastCustomerMessageAt: 2 }; // a copy taken before the first save
    expect(withHistory(stored, stale, 2).history).toEqual(stored.history);
    let c = stored;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) c = withHistory(c, assigned(i % 2 ? 'a' : 'b'), i);
    expect(c.history).toHaveLength(HISTORY_LIMIT);
    expect(c.history?.at(-1)).toMatchObject({ at: HISTORY_LIMIT + 4 });
  });
});
