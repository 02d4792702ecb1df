import fc from 'fast-check';
import type { TransferAction } from '../../../../shared/src/index';
import { viewOf } from '../testing/routing-view-builder';
import { evaluateChain } from './transfer-chain';
import { queueKey } from './routing-view';

const none = new Set<string>();
const toService = (deciId: string, optionId: '1' | '2', spillId?: '1' | '2' | '3'): TransferAction => ({
  actionType: 'to_service',
  deciId,
  optionId,
  ...(spillId && { spillId }),
});
const toGroup = (deciId: string, optionId: '3' | '4', spillId?: '4' | '5' | '6' | '7'): TransferAction => ({
  actionType: 'to_group',
  deciId,
  optionId,
  ...(spillId && { spillId }),
});

// One view with an agent for each state and a group for each state, and a free group to overflow to.
const view = viewOf({
  agents: {
    free: { groups: ['open'] },
    away: { status: 'offline' },
    full: { load: 3, max: 3 },
    busyStatus: { status: 'busy' },
    hidden: { status: 'invisible' },
    openFull: { groups: ['allBusy'], load: 2, max: 2 },
    shy: { status: 'invisible', groups: ['invisibleOnly'] },
  },
  groups: { open: {}, empty: {}, allBusy: {}, closed: { onDuty: false }, invisibleOnly: {} },
});

const outcomeOf = (chain: TransferAction[]) => evaluateChain(chain, view, none).outcome;

describe('to_service levels', () => {
  it('assigns a free named agent', () => {
    expect(outcomeOf([toService('free', '2')])).toMatchObject({ kind: 'assign', agentId: 'free' });
  });

  it('reaches an invisible agent by name', () => {
    expect(outcomeOf([toService('hidden', '2')])).toMatchObject({ kind: 'assign', agentId: 'hidden' });
  });

  it.each([
    ['1 offline', 'away', '1', true],
    ['1 offline, but the agent is busy', 'full', '1', false],
    ['2 busy (full)', 'full', '2', true],
    ['2 busy (busy status)', 'busyStatus', '2', true],
    ['2 busy, but the agent is offline', 'away', '2', false],
    ['3 smart, offline', 'away', '3', true],
    ['3 smart, busy', 'full', '3', true],
  ] as const)('condition %s', (_name, agent, spill, overflows) => {
    const out = outcomeOf([toService(agent, '1', spill), toGroup('open', '4')]);
    expect(out.kind === 'assign' && out.agentId === 'free').toBe(overflows);
  });

  it('flag 2 never overflows: the customer waits for that agent', () => {
    expect(outcomeOf([toService('full', '2', '2'), toGroup('open', '4')])).toMatchObject({
      kind: 'wait',
      why: 'busy',
      target: { kind: 'agent', agentId: 'full' },
    });
  });
});

describe('to_group levels', () => {
  it('assigns through a group with a free online member', () => {
    expect(outcomeOf([toGroup('open', '4')])).toMatchObject({
      kind: 'assign',
      agentId: 'free',
      target: { kind: 'group', groupId: 'open' },
    });
  });

  it.each([
    ['4 nobody online', 'empty', '4', true],
    ['4 nobody online (invisible members do not count)', 'invisibleOnly', '4', true],
    ['4 nobody online, but all are busy', 'allBusy', '4', false],
    ['5 all busy', 'allBusy', '5', true],
    ['5 all busy, but nobody is online', 'empty', '5', false],
    ['6 off duty', 'closed', '6', true],
    ['6 off duty, but the group is on duty and busy', 'allBusy', '6', false],
    ['7 smart, nobody online', 'empty', '7', true],
    ['7 smart, all busy', 'allBusy', '7', true],
    ['7 smart, off duty', 'closed', '7', true],
  ] as const)('condition %s', (_name, group, spill, overflows) => {
    const out = outcomeOf([toGroup(group, '3', spill), toService('free', '2')]);
    expect(out.kind === 'assign').toBe(overflows);
  });

  it('flag 4 never overflows', () => {
    expect(outcomeOf([toGroup('allBusy', '4', '5'), toService('free', '2')])).toMatchObject({ kind: 'wait', why: 'all_busy' });
  });

  it('off duty comes before nobody online', () => {
    expect(outcomeOf([toGroup('closed', '4')])).toMatchObject({ kind: 'wait', why: 'off_duty' });
  });

  it('an overflow flag without a condition (or with the other kind’s) is kept as a level that does not overflow', () => {
    expect(outcomeOf([toGroup('empty', '3'), toService('free', '2')])).toMatchObject({ kind: 'wait', why: 'nobody_online' });
    expect(outcomeOf([{ actionType: 'to_group', deciId: 'empty', optionId: '3', spillId: '1' }, toService('free', '2')])).toMatchObject({
      kind: 'wait',
      why: 'nobody_online',
    });
  });

  it('an odd level (unknown actionType, an optionId of the other kind) does not spoil the chain', () => {
    const odd = [
      { actionType: 'to_robot', deciId: 'x', optionId: '1' },
      { actionType: 'to_group', deciId: 'allBusy', optionId: '1', spillId: '5' },
    ];
    expect(outcomeOf([...(odd as unknown as TransferAction[]), toService('free', '2')])).toMatchObject({ kind: 'wait', why: 'all_busy' });
  });
});

describe('levels', () => {
  it('overflows through four levels to the last', () => {
    const { outcome, steps } = evaluateChain(
      [toGroup('empty', '3', '7'), toGroup('allBusy', '3', '7'), toService('away', '1', '3'), toGroup('open', '4')],
      view,
      none,
    );
    expect(outcome).toMatchObject({ kind: 'assign', agentId: 'free' });
    expect(steps.map((s) => s.result)).toEqual(['overflowed', 'overflowed', 'overflowed', 'assigned']);
  });

  it('the fourth level never overflows, and a fifth is ignored', () => {
    const chain = [
      toGroup('empty', '3', '7'),
      toGroup('allBusy', '3', '7'),
      toService('away', '1', '3'),
      toGroup('closed', '3', '7'),
      toGroup('open', '4'),
    ];
    const { outcome, steps } = evaluateChain(chain, view, none);
    expect(outcome).toMatchObject({ kind: 'wait', why: 'off_duty', target: { kind: 'group', groupId: 'closed' } });
    expect(steps).toHaveLength(4);
  });

  it('an overflow on the last level given leaves the chain for the default routing', () => {
    expect(outcomeOf([toGroup('allBusy', '3', '5')])).toEqual({ kind: 'none', overflowed: true });
    expect(outcomeOf([toGroup('empty', '3', '4'), toService('away', '1', '1')])).toEqual({ kind: 'none', overflowed: true });
  });

  it('keeps the levels after the one that placed the conversation', () => {
    const out = outcomeOf([toGroup('allBusy', '4'), toGroup('open', '4')]);
    expect(out).toMatchObject({ kind: 'wait', remainingChain: [toGroup('open', '4')] });
  });
});

describe('loop protection', () => {
  it('never evaluates the same target twice', () => {
    const { outcome, steps } = evaluateChain(
      [toGroup('allBusy', '3', '5'), toGroup('allBusy', '3', '5'), toGroup('allBusy', '4')],
      view,
      none,
    );
    expect(steps.map((s) => s.result)).toEqual(['overflowed', 'skipped_repeat', 'skipped_repeat']);
    // Overflowed past every level it may evaluate: the default routing.
    expect(outcome).toEqual({ kind: 'none', overflowed: true });
  });

  it('skips targets this conversation already used', () => {
    const { outcome } = evaluateChain([toGroup('open', '3'), toService('hidden', '2')], view, none, new Set(['group:open']));
    expect(outcome).toMatchObject({ kind: 'assign', agentId: 'hidden' });
  });

  it('skips unknown targets (another merchant’s groups and agents are unknown here)', () => {
    const { outcome, steps } = evaluateChain([toGroup('elsewhere', '4'), toService('stranger', '2')], view, none);
    expect(outcome).toEqual({ kind: 'none', overflowed: false });
    expect(steps.map((s) => s.result)).toEqual(['skipped_unknown', 'skipped_unknown']);
  });

  it('treats excluded agents as offline', () => {
    expect(evaluateChain([toService('free', '2')], view, new Set(['free'])).outcome).toMatchObject({ kind: 'wait', why: 'offline' });
  });

  const targets = ['free', 'away', 'full', 'hidden', 'open', 'empty', 'allBusy', 'closed', 'ghost'];
  const action = fc.record({
    deci: fc.constantFrom(...targets),
    overflow: fc.boolean(),
    spill: fc.option(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), { nil: undefined }),
  });

  it('property: at most four steps, no target twice, the outcome is a target of the chain', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), (specs) => {
        const chain: TransferAction[] = specs.map((s) => {
          const service = ['free', 'away', 'full', 'hidden'].includes(s.deci);
          return {
            actionType: service ? 'to_service' : 'to_group',
            deciId: s.deci,
            optionId: service ? (s.overflow ? '1' : '2') : s.overflow ? '3' : '4',
            ...(s.spill && { spillId: s.spill as TransferAction['spillId'] }),
          };
        });
        const { outcome, steps } = evaluateChain(chain, view, none);
        const evaluated = steps.filter((s) => !s.result.startsWith('skipped')).map((s) => queueKey(s.target));
        expect(steps.length).toBeLessThanOrEqual(4);
        expect(new Set(evaluated).size).toBe(evaluated.length);
        if (outcome.kind !== 'none') expect(evaluated).toContain(queueKey(outcome.target));
        else expect(steps.every((s) => s.result !== 'stayed' && s.result !== 'assigned')).toBe(true);
        if (outcome.kind === 'none') expect(outcome.overflowed).toBe(evaluated.length > 0);
        // Only levels 1-3 overflow.
        expect(steps.filter((s) => s.result === 'overflowed').every((s) => s.level <= 3)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
