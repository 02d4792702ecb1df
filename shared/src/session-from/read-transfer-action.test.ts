import fc from 'fast-check';
import { decodeSessionFrom } from './decode';
import { encodeSessionFrom } from './encode';
import { overflows, readTransferAction } from './read-transfer-action';
import type { TransferAction } from './types';
import { validateTransferAction } from './validate';

const levelsOf = (value: unknown) => readTransferAction(value).levels;
const group = (deciId: string, optionId: '3' | '4', spillId?: string) => ({
  actionType: 'to_group',
  deciId,
  optionId,
  ...(spillId && { spillId }),
});
const agent = (deciId: string, optionId: '1' | '2', spillId?: string) => ({
  actionType: 'to_service',
  deciId,
  optionId,
  ...(spillId && { spillId }),
});

describe('readTransferAction: lenient, level by level', () => {
  it('reads Sobot’s own example unchanged', () => {
    const example = [group('xxx', '3', '4'), group('xxx', '4')];
    expect(readTransferAction(example)).toEqual({ levels: example, remarks: [] });
  });

  it.each([{}, 'to_group', 42, true])('ignores a value that is not an array (%p): the default routing applies', (value) => {
    expect(readTransferAction(value)).toEqual({
      levels: [],
      remarks: [{ field: 'transferAction', reason: expect.stringMatching(/not an array/) }],
    });
  });

  it('drops a level with an unknown actionType or no target, keeping the others', () => {
    const { levels, remarks } = readTransferAction([
      { actionType: 'to_robot', deciId: 'r', optionId: '1' },
      group('', '4'),
      { actionType: 'to_group', optionId: '4' },
      agent('a1', '2'),
    ]);
    expect(levels).toEqual([agent('a1', '2')]);
    expect(remarks.map((r) => r.field)).toEqual(['transferAction[0]', 'transferAction[1]', 'transferAction[2]']);
    expect(readTransferAction(['g1', agent('a1', '2')]).levels).toEqual([agent('a1', '2')]);
  });

  it.each([
    ['an optionId of the other kind', { actionType: 'to_group', deciId: 'g', optionId: '1', spillId: '4' }],
    ['an unknown optionId', { actionType: 'to_group', deciId: 'g', optionId: '9' }],
    ['no optionId', { actionType: 'to_group', deciId: 'g' }],
    ['an overflow without a spillId', { actionType: 'to_group', deciId: 'g', optionId: '3' }],
    ['a spillId of the other kind', { actionType: 'to_group', deciId: 'g', optionId: '3', spillId: '1' }],
    ['an unknown spillId', { actionType: 'to_group', deciId: 'g', optionId: 3, spillId: 8 }],
  ])('keeps a level with %s as one that does not overflow', (_name, level) => {
    const { levels, remarks } = readTransferAction([level, agent('a1', '2')]);
    expect(levels).toEqual([group('g', '4'), agent('a1', '2')]);
    expect(remarks).toHaveLength(1);
  });

  it('drops an idle spillId silently, as Sobot does', () => {
    expect(readTransferAction([agent('a1', '2', '1')])).toEqual({ levels: [agent('a1', '2')], remarks: [] });
  });

  it('accepts numbers where Sobot’s examples might use them', () => {
    expect(levelsOf([{ actionType: 'to_service', deciId: 7, optionId: 1, spillId: 2 }, group('g', '4')])).toEqual([
      agent('7', '1', '2'),
      group('g', '4'),
    ]);
  });

  it('ignores levels after the fourth, and the fourth level’s overflow flag', () => {
    const { levels, remarks } = readTransferAction([
      group('a', '3', '7'),
      group('b', '3', '7'),
      group('c', '3', '7'),
      group('d', '3', '7'),
      group('e', '4'),
    ]);
    expect(levels).toEqual([group('a', '3', '7'), group('b', '3', '7'), group('c', '3', '7'), group('d', '4')]);
    expect(remarks.map((r) => r.field)).toEqual(['transferAction', 'transferAction[3]']);
  });

  it('keeps an overflow on the last level given (levels 1-3): past it, the default routing applies', () => {
    expect(levelsOf([group('a', '3', '5')])).toEqual([group('a', '3', '5')]);
  });

  const anything = fc.oneof(
    fc.anything(),
    fc.record(
      {
        actionType: fc.constantFrom('to_group', 'to_service', 'to_robot', 1, null),
        deciId: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
        optionId: fc.oneof(fc.constantFrom('1', '2', '3', '4', '5', 1, 3), fc.anything()),
        spillId: fc.oneof(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', 2, 5), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  it('property: total, at most four levels, every level valid for the strict encoder when its last is not overflowing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(anything, { maxLength: 7 }), fc.anything()), (value) => {
        const { levels } = readTransferAction(value);
        expect(levels.length).toBeLessThanOrEqual(4);
        if (levels.length === 4) expect(overflows(levels[3] as TransferAction)).toBe(false);
        // Every level the reader keeps is one the strict validator accepts (the last given one aside,
        // which may overflow into the default routing).
        for (const level of levels) expect(validateTransferAction([{ ...level }, group('next', '4')])).toHaveLength(2);
        expect(readTransferAction(levels).levels).toEqual(levels);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a chain the strict encoder accepts is read back unchanged', () => {
    const level = fc.oneof(
      fc.record({ actionType: fc.constant('to_service'), deciId: fc.string({ minLength: 1, maxLength: 4 }), optionId: fc.constant('2') }),
      fc.record({
        actionType: fc.constant('to_group'),
        deciId: fc.string({ minLength: 1, maxLength: 4 }),
        optionId: fc.constant('3'),
        spillId: fc.constantFrom('4', '5', '6', '7'),
      }),
    );
    fc.assert(
      fc.property(fc.array(level, { minLength: 1, maxLength: 3 }), (chain) => {
        const input = [...chain, group('last', '4')] as Parameters<typeof encodeSessionFrom>[0]['transferAction'];
        const encoded = encodeSessionFrom({ transferAction: input });
        const decoded = decodeSessionFrom(encoded.value);
        expect(decoded.kind === 'sobot' && decoded.fields.transferAction).toEqual(encoded.fields.transferAction);
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeSessionFrom reads transfer_action leniently', () => {
  const decoded = (json: string) => {
    const d = decodeSessionFrom(`sobot||||transfer_action=${json}|robotid=1`);
    return d.kind === 'sobot' ? d : undefined;
  };

  it('keeps the good levels of a chain with one odd level, and says what it changed', () => {
    const d = decoded(
      '[{"actionType":"to_bot","deciId":"x","optionId":"1"},{"actionType":"to_group","deciId":"g1","optionId":"3"},{"actionType":"to_service","deciId":"a1","optionId":"2"}]',
    );
    expect(d?.fields.transferAction).toEqual([group('g1', '4'), agent('a1', '2')]);
    expect(d?.problems.map((p) => p.field)).toEqual(['transferAction[0]', 'transferAction[1]']);
    expect(d?.fields.robotId).toBe('1');
  });

  it('leaves no chain when nothing is usable', () => {
    expect(decoded('{"actionType":"to_group","deciId":"g1","optionId":"4"}')?.fields.transferAction).toBeUndefined();
    expect(decoded('[{"actionType":"nope"}]')?.fields.transferAction).toBeUndefined();
  });
});
