import fc from 'fast-check';
import type { Conversation, QueueTarget } from '../model/conversation';
import { viewOf } from '../testing/routing-view-builder';
import { planDrain, positionUpdates, queueLengths, queuePositions } from './queue';

function queued(id: string, queuedAt: number, queuedFor: QueueTarget = { kind: 'pool' }, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channelId: 'ch',
    customerId: `cu-${id}`,
    state: 'queued',
    queuedFor,
    queuedAt,
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: 0,
    ...extra,
  };
}

describe('queue positions', () => {
  it('counts 1, 2, 3 per line, oldest first', () => {
    const list = [queued('c', 30), queued('a', 10), queued('g1', 5, { kind: 'group', groupId: 'g' }), queued('b', 20)];
    expect(Object.fromEntries(queuePositions(list))).toEqual({ a: 1, b: 2, c: 3, g1: 1 });
    expect(Object.fromEntries(queueLengths(list))).toEqual({ pool: 3, 'group:g': 1 });
  });

  it('tells only those never told or moved forward', () => {
    const list = [queued('a', 10, undefined, { toldPosition: 2 }), queued('b', 20, undefined, { toldPosition: 2 }), queued('c', 30)];
    expect(positionUpdates(list).map((u) => [u.conversation.id, u.position])).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('property: positions in each line are 1..n in queue order', () => {
    const entry = fc.record({ at: fc.integer({ min: 0, max: 50 }), line: fc.constantFrom('pool', 'g1', 'g2') });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const list = entries.map((e, i) =>
          queued(`c${String(i).padStart(2, '0')}`, e.at, e.line === 'pool' ? { kind: 'pool' } : { kind: 'group', groupId: e.line }),
        );
        const positions = queuePositions(list);
        for (const line of ['pool', 'g1', 'g2']) {
          const mine = list.filter((c) =>
            line === 'pool' ? c.queuedFor?.kind === 'pool' : c.queuedFor?.kind === 'group' && c.queuedFor.groupId === line,
          );
          const ranks = mine
            .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0) || a.id.localeCompare(b.id))
            .map((c) => positions.get(c.id));
          expect(ranks).toEqual(mine.map((_, i) => i + 1));
        }
      }),
    );
  });

  it('property: after any drain, the customers told are exactly those whose place changed forward', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (n, served) => {
        const before = Array.from({ length: n }, (_, i) => queued(`c${String(i).padStart(2, '0')}`, i));
        const told = [...queuePositions(before)].map(([id, p]) => ({ ...before.find((c) => c.id === id)!, toldPosition: p }));
        const after = told.slice(Math.min(served, n));
        const updates = positionUpdates(after);
        expect(updates.length).toBe(served > 0 ? after.length : 0);
        updates.forEach((u, i) => expect(u.position).toBe(i + 1));
      }),
    );
  });
});

describe('planDrain', () => {
  it('fills free seats oldest first, respecting each agent’s limit', () => {
    const view = viewOf({ agents: { a: { load: 2, max: 3 }, b: { load: 3, max: 3 } } });
    const plan = planDrain([queued('x', 2), queued('y', 1), queued('z', 3)], view, 100);
    expect(plan).toEqual([{ conversationId: 'y', agentId: 'a' }]);
  });

  it('spreads over agents by load as seats fill', () => {
    const view = viewOf({ agents: { a: { load: 1 }, b: { load: 0 } } });
    expect(planDrain([queued('x', 1), queued('y', 2), queued('z', 3)], view, 100).map((p) => p.agentId)).toEqual(['b', 'a', 'b']);
  });

  it('a named-agent line waits for that agent only (invisible included); a group line for its online members', () => {
    const view = viewOf({ agents: { named: { status: 'invisible' }, member: { groups: ['g'] }, outsider: {} } });
    const plan = planDrain(
      [queued('n', 1, { kind: 'agent', agentId: 'named' }), queued('g', 2, { kind: 'group', groupId: 'g' }), queued('p', 3)],
      view,
      100,
    );
    expect(plan).toEqual([
      { conversationId: 'n', agentId: 'named' },
      { conversationId: 'g', agentId: 'member' },
      { conversationId: 'p', agentId: 'outsider' },
    ]);
  });

  it('a blocked line does not hold up the others, and excluded agents are passed over', () => {
    const view = viewOf({ agents: { a: {} } });
    const plan = planDrain(
      [
        queued('blocked', 1, { kind: 'agent', agentId: 'away' }),
        queued('mine', 2, { kind: 'pool' }, { excludedAgentIds: ['a'] }),
        queued('next', 3),
      ],
      view,
      100,
    );
    expect(plan).toEqual([{ conversationId: 'next', agentId: 'a' }]);
  });

  it('a freed seat takes the agent’s personal queue first, then the longest-waiting customer of the agent’s groups', () => {
    const view = viewOf({ agents: { a: { groups: ['g'], load: 2, max: 3 }, b: { groups: ['h'], load: 0, max: 1 } } });
    const plan = planDrain(
      [
        queued('g-old', 1, { kind: 'group', groupId: 'g' }),
        queued('pool-older', 0),
        queued('asked-for-a', 5, { kind: 'agent', agentId: 'a' }),
        queued('h-new', 9, { kind: 'group', groupId: 'h' }),
      ],
      view,
      100,
    );
    expect(plan).toEqual([
      { conversationId: 'asked-for-a', agentId: 'a' },
      { conversationId: 'pool-older', agentId: 'b' },
    ]);
    const roomForTwo = viewOf({ agents: { a: { groups: ['g'], load: 1, max: 3 } } });
    expect(
      planDrain(
        [queued('g-new', 3, { kind: 'group', groupId: 'g' }), queued('g-old', 1, { kind: 'group', groupId: 'g' })],
        roomForTwo,
        100,
      ),
    ).toEqual([
      { conversationId: 'g-old', agentId: 'a' },
      { conversationId: 'g-new', agentId: 'a' },
    ]);
  });
});
