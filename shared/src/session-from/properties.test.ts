// Properties over random input: round trip, the byte budget, a total decoder, and WeChat's cut.
import fc from 'fast-check';
import { utf8ByteLength } from '../text/utf8';
import { decodeSessionFrom } from './decode';
import { encodeSessionFrom } from './encode';
import { SessionFromError } from './errors';
import { formatSessionFrom } from './format';
import type { SessionFromFields, SessionFromInput, TransferAction } from './types';

/** Characters that stress the format: separators, escapes, JSON syntax, multi-byte and astral characters. */
const tricky = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', '|', '%', '=', '{', '}', '[', '"', '\\', '7C', '%7C', '%25', '中', '😀', ' ', '\n', 'é'),
  maxLength: 40,
});
const nonEmpty = tricky.filter((s) => s !== '');
const stringMap = fc.dictionary(nonEmpty, tricky, { maxKeys: 6 });

const level = (last: boolean): fc.Arbitrary<TransferAction> =>
  fc.oneof(
    fc.record({ actionType: fc.constant('to_service' as const), deciId: nonEmpty, optionId: fc.constant('2' as const) }),
    fc.record({ actionType: fc.constant('to_group' as const), deciId: nonEmpty, optionId: fc.constant('4' as const) }),
    ...(last
      ? []
      : [
          fc.record({
            actionType: fc.constant('to_service' as const),
            deciId: nonEmpty,
            optionId: fc.constant('1' as const),
            spillId: fc.constantFrom('1' as const, '2' as const, '3' as const),
          }),
          fc.record({
            actionType: fc.constant('to_group' as const),
            deciId: nonEmpty,
            optionId: fc.constant('3' as const),
            spillId: fc.constantFrom('4' as const, '5' as const, '6' as const, '7' as const),
          }),
        ]),
  );
const transferAction = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => level(i === n - 1))));

const input: fc.Arbitrary<SessionFromInput> = fc.record(
  {
    nickname: tricky,
    avatarUrl: tricky,
    params: stringMap,
    transferAction,
    platformAction: fc.record({ customerCode: nonEmpty, flowGroupId: nonEmpty }, { requiredKeys: ['customerCode'] }),
    partnerId: tricky,
    robotId: fc.oneof(nonEmpty, fc.nat()),
    unionId: tricky,
    customerFields: stringMap,
  },
  { requiredKeys: [] },
);
/** Inputs far over the limit, to exercise the drops. */
const bigInput = fc.record({ base: input, pad: fc.string({ unit: fc.constantFrom('x', '中', '|'), minLength: 200, maxLength: 400 }) }).map(
  ({ base, pad }): SessionFromInput => ({
    ...base,
    nickname: pad,
    avatarUrl: pad,
    params: { ...base.params, big: pad },
    customerFields: { big: pad },
  }),
);

function tryEncode(i: SessionFromInput) {
  try {
    return encodeSessionFrom(i);
  } catch (e) {
    if (e instanceof SessionFromError && e.code === 'too_long') return undefined;
    throw e;
  }
}

describe('session-from properties', () => {
  it('decoding what the encoder wrote gives back exactly the fields it encoded', () => {
    fc.assert(
      fc.property(fc.oneof(input, bigInput), (i) => {
        const encoded = tryEncode(i);
        if (!encoded) return;
        expect(decodeSessionFrom(encoded.value)).toEqual({
          kind: 'sobot',
          fields: encoded.fields,
          truncated: false,
          lost: [],
          problems: [],
          raw: encoded.value,
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("never exceeds 996 bytes (below WeChat's 1000), and never drops routing or identity", () => {
    fc.assert(
      fc.property(bigInput, (i) => {
        const encoded = tryEncode(i);
        if (!encoded) return;
        expect(encoded.bytes).toBe(utf8ByteLength(encoded.value));
        expect(encoded.bytes).toBeLessThanOrEqual(996);
        const full = encodeSessionFrom({ ...i, nickname: '', avatarUrl: '', params: {}, customerFields: {} }).fields;
        for (const key of ['transferAction', 'platformAction', 'partnerId', 'robotId', 'unionId'] as const) {
          expect(encoded.fields[key]).toEqual(full[key]);
        }
        for (const drop of encoded.dropped) expect(['avatarUrl', 'params', 'customerFields', 'nickname']).toContain(drop.field);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the string', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      tricky.map((s) => `sobot|${s}`),
      fc.array(tricky).map((a) => `sobot|${a.join('|')}`),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const decoded = decodeSessionFrom(text);
        expect(['none', 'sobot']).toContain(decoded.kind);
      }),
      { numRuns: 5000 },
    );
  });

  it('a value WeChat cut at 1000 bytes gives only intact fields', () => {
    fc.assert(
      fc.property(input, fc.string({ unit: fc.constantFrom('x', '中', '😀'), minLength: 300, maxLength: 500 }), (i, pad) => {
        const validFields = tryEncode({ ...i, customerFields: { ...i.customerFields, pad } })?.fields;
        if (!validFields) return;
        const long = formatSessionFrom({ ...validFields, extra: { note: pad } }).slice(0, -1); // Sobot-style: no trailing bar
        const cut = Buffer.from(long, 'utf8').subarray(0, 1000).toString('utf8');
        const decoded = decodeSessionFrom(cut);
        if (decoded.kind !== 'sobot') throw new Error('expected sobot');
        if (Buffer.byteLength(long) <= 1000) return;
        expect(decoded.truncated).toBe(true);
        const whole = decodeSessionFrom(long);
        if (whole.kind !== 'sobot') throw new Error('expected sobot');
        for (const [key, value] of Object.entries(decoded.fields) as [keyof SessionFromFields, unknown][]) {
          if (key === 'extra') continue;
          expect(value).toEqual(whole.fields[key]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
