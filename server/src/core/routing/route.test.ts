import fc from 'fast-check';
import type { TransferAction } from '../../../../shared/src/index';
import { viewOf } from '../testing/routing-view-builder';
import { route } from './route';

describe('route', () => {
  it('prefers the last agent while online and with room', () => {
    const view = viewOf({ agents: { last: { load: 2 }, other: {} } });
    expect(route({ defaultTarget: { kind: 'pool' }, lastAgentId: 'last' }, view)).toMatchObject({
      kind: 'assign',
      agentId: 'last',
      via: 'last_agent',
    });
  });

  it('reaches an invisible last agent, but not an offline, busy, full or excluded one', () => {
    const base = { defaultTarget: { kind: 'pool' } as const, lastAgentId: 'last' };
    expect(route(base, viewOf({ agents: { last: { status: 'invisible' }, other: {} } }))).toMatchObject({ agentId: 'last' });
    for (const spec of [{ status: 'offline' as const }, { status: 'busy' as const }, { load: 3 }]) {
      expect(route(base, viewOf({ agents: { last: spec, other: {} } }))).toMatchObject({ agentId: 'other', via: 'default' });
    }
    expect(route({ ...base, excludedAgentIds: ['last'] }, viewOf({ agents: { last: {}, other: {} } }))).toMatchObject({ agentId: 'other' });
  });

  it('an explicit transfer_action outranks last-agent mode', () => {
    const view = viewOf({ agents: { last: {}, named: {} } });
    const chain = [{ actionType: 'to_service' as const, deciId: 'named', optionId: '2' as const }];
    expect(route({ chain, defaultTarget: { kind: 'pool' }, lastAgentId: 'last' }, view)).toMatchObject({ agentId: 'named', via: 'chain' });
    const busy = viewOf({ agents: { last: {}, named: { status: 'busy' } } });
    expect(route({ chain, defaultTarget: { kind: 'pool' }, lastAgentId: 'last' }, busy)).toMatchObject({
      kind: 'queue',
      target: { kind: 'agent', agentId: 'named' },
    });
  });

  it('a chain whose every target is unknown here leaves last-agent mode in force', () => {
    const view = viewOf({ agents: { last: {}, other: {} } });
    const chain = [{ actionType: 'to_group' as const, deciId: 'elsewhere', optionId: '4' as const }];
    expect(route({ chain, defaultTarget: { kind: 'pool' }, lastAgentId: 'last' }, view)).toMatchObject({
      agentId: 'last',
      via: 'last_agent',
    });
  });

  it('overflowing past the last level goes to the default routing (not the last agent), which never overflows', () => {
    const view = viewOf({
      agents: { last: {}, a: { groups: ['full'], load: 3 }, b: { groups: ['home'], load: 3 } },
      groups: { full: {}, home: {} },
    });
    const chain = [{ actionType: 'to_group' as const, deciId: 'full', optionId: '3' as const, spillId: '5' as const }];
    expect(route({ chain, defaultTarget: { kind: 'group', groupId: 'home' }, lastAgentId: 'last' }, view)).toMatchObject({
      kind: 'queue',
      target: { kind: 'group', groupId: 'home' },
      remainingChain: [],
    });
    const free = viewOf({ agents: { a: { groups: ['full'], load: 3 }, b: { groups: ['home'] } }, groups: { full: {}, home: {} } });
    expect(route({ chain, defaultTarget: { kind: 'group', groupId: 'home' } }, free)).toMatchObject({
      kind: 'assign',
      agentId: 'b',
      via: 'default',
    });
  });

  it('never assigns invisible agents automatically', () => {
    expect(route({ defaultTarget: { kind: 'pool' } }, viewOf({ agents: { shy: { status: 'invisible' } } }))).toMatchObject({
      kind: 'leave_message',
      why: 'nobody_available',
    });
  });

  it('falls back to the default target when the chain has nothing usable', () => {
    const view = viewOf({ agents: { a: { groups: ['g'] } }, groups: { g: {} } });
    const decision = route(
      { chain: [{ actionType: 'to_group', deciId: 'unknown', optionId: '4' }], defaultTarget: { kind: 'group', groupId: 'g' } },
      view,
    );
    expect(decision).toMatchObject({ kind: 'assign', agentId: 'a', via: 'default', target: { kind: 'group', groupId: 'g' } });
  });

  it('an unknown default group falls back to the merchant pool', () => {
    expect(route({ defaultTarget: { kind: 'group', groupId: 'deleted' } }, viewOf({ agents: { a: {} } }))).toMatchObject({
      kind: 'assign',
      agentId: 'a',
    });
  });

  it('queues when everyone is busy and the queue has room', () => {
    const view = viewOf({ agents: { a: { load: 3 } }, maxQueueLength: 2, queueLengths: { pool: 1 } });
    expect(route({ defaultTarget: { kind: 'pool' } }, view)).toMatchObject({ kind: 'queue', target: { kind: 'pool' } });
  });

  it('offers to leave a message when the queue is full', () => {
    const view = viewOf({ agents: { a: { load: 3 } }, maxQueueLength: 2, queueLengths: { pool: 2 } });
    expect(route({ defaultTarget: { kind: 'pool' } }, view)).toMatchObject({ kind: 'leave_message', why: 'queue_full' });
  });

  it('uses the group’s own queue capacity', () => {
    const view = viewOf({
      agents: { a: { load: 3, groups: ['g'] } },
      groups: { g: { maxQueueLength: 1 } },
      maxQueueLength: 10,
      queueLengths: { 'group:g': 1 },
    });
    expect(route({ defaultTarget: { kind: 'group', groupId: 'g' } }, view)).toMatchObject({ kind: 'leave_message', why: 'queue_full' });
  });

  it('a queue of length 0 never queues', () => {
    expect(route({ defaultTarget: { kind: 'pool' } }, viewOf({ agents: { a: { load: 3 } }, maxQueueLength: 0 }))).toMatchObject({
      kind: 'leave_message',
      why: 'queue_full',
    });
  });

  it('off hours: leave a message with the off-hours reason', () => {
    expect(route({ defaultTarget: { kind: 'pool' } }, viewOf({ agents: { a: {} }, poolOnDuty: false }))).toMatchObject({
      kind: 'leave_message',
      why: 'off_hours',
    });
  });

  it('a named agent who is online serves even off hours', () => {
    const view = viewOf({ agents: { a: {} }, poolOnDuty: false });
    expect(
      route({ chain: [{ actionType: 'to_service', deciId: 'a', optionId: '2' }], defaultTarget: { kind: 'pool' } }, view),
    ).toMatchObject({ kind: 'assign', agentId: 'a' });
  });
});

describe('route: properties of an explicit transfer_action', () => {
  const view = viewOf({
    agents: {
      last: {},
      free: { groups: ['open'] },
      away: { status: 'offline' },
      full: { load: 3 },
      other: { groups: ['allBusy'], load: 3 },
    },
    groups: { open: {}, allBusy: {}, closed: { onDuty: false } },
  });
  const targets = ['free', 'away', 'full', 'open', 'allBusy', 'closed', 'ghost'];
  const level = fc.record({
    actionType: fc.constantFrom('to_service', 'to_group', 'to_robot'),
    deciId: fc.constantFrom(...targets),
    optionId: fc.constantFrom('1', '2', '3', '4', 'x'),
    spillId: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', undefined),
  });

  it('property: once a level of the chain is evaluated, the last agent is never chosen; routing never throws', () => {
    fc.assert(
      fc.property(fc.array(level, { maxLength: 6 }), (raw) => {
        const chain = raw as unknown as TransferAction[];
        const decision = route({ chain, defaultTarget: { kind: 'pool' }, lastAgentId: 'last' }, view);
        const evaluated = decision.steps.some((s) => !s.result.startsWith('skipped'));
        if (evaluated) expect(decision.kind === 'assign' && decision.via === 'last_agent').toBe(false);
        else expect(decision).toMatchObject({ kind: 'assign', via: 'last_agent' });
        expect(decision.steps.filter((s) => s.result === 'overflowed').every((s) => s.level <= 3)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
