import { agentOf } from '../testing/routing-view-builder';
import { pickAgent } from './pick-agent';

const loads = (specs: Array<[string, number, number?]>) =>
  specs.map(([id, load, last]) => ({ agent: agentOf(id, last === undefined ? {} : { lastAssignedAt: last }), load }));

describe('pickAgent', () => {
  it('least loaded: the fewest conversations first', () => {
    expect(
      pickAgent(
        loads([
          ['a', 2, 1],
          ['b', 0, 9],
          ['c', 1, 0],
        ]),
        'least_loaded',
      )?.id,
    ).toBe('b');
  });

  it('least loaded: ties go to who waited longest, then by id', () => {
    expect(
      pickAgent(
        loads([
          ['a', 1, 5],
          ['b', 1, 3],
        ]),
        'least_loaded',
      )?.id,
    ).toBe('b');
    expect(
      pickAgent(
        loads([
          ['b', 1],
          ['a', 1],
        ]),
        'least_loaded',
      )?.id,
    ).toBe('a');
    expect(
      pickAgent(
        loads([
          ['a', 1, 5],
          ['b', 1],
        ]),
        'least_loaded',
      )?.id,
    ).toBe('b');
  });

  it('round robin: whoever waited longest, whatever the load', () => {
    expect(
      pickAgent(
        loads([
          ['a', 0, 10],
          ['b', 2, 5],
        ]),
        'round_robin',
      )?.id,
    ).toBe('b');
  });

  it('round robin takes turns as assignments happen', () => {
    let agents = loads([
      ['a', 0],
      ['b', 0],
      ['c', 0],
    ]);
    const order: string[] = [];
    for (let t = 1; t <= 6; t++) {
      const chosen = pickAgent(agents, 'round_robin')!;
      order.push(chosen.id);
      agents = agents.map((x) => (x.agent.id === chosen.id ? { agent: { ...x.agent, lastAssignedAt: t }, load: x.load + 1 } : x));
    }
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('nobody to pick', () => {
    expect(pickAgent([], 'least_loaded')).toBeUndefined();
  });
});
