import { decryptUnionId } from '../unionid-cipher/cipher';
import { utf8ByteLength } from '../text/utf8';
import { encodeSessionFrom } from './encode';
import { SessionFromError } from './errors';
import { SOBOT_FULL_FIELDS, SOBOT_PARAMS, SOBOT_PLATFORM_ACTION, SOBOT_TRANSFER_ACTION } from './sobot.vectors';
import type { SessionFromInput } from './types';

const sobotInput: SessionFromInput = {
  nickname: '小明',
  avatarUrl: 'https://img.sobot.com/console/common/face/admin.png',
  params: { name: 'sobot', age: 18 },
  transferAction: JSON.parse(SOBOT_TRANSFER_ACTION),
  platformAction: JSON.parse(SOBOT_PLATFORM_ACTION),
  partnerId: 'xxx',
  robotId: 1,
  unionId: 'oJw8S1S0ZheoM2PnKbka3zJO-QyE',
  customerFields: { ddb35f065d4b44ec870f58b87c1a52db: 'xx' },
};

function errorOf(input: unknown): SessionFromError {
  try {
    encodeSessionFrom(input as SessionFromInput);
  } catch (e) {
    if (e instanceof SessionFromError) return e;
    throw e;
  }
  throw new Error('expected a SessionFromError');
}

describe('encodeSessionFrom: known answers', () => {
  it('writes the empty value with its four leading slots', () => {
    expect(encodeSessionFrom({})).toEqual({ value: 'sobot||||', bytes: 9, fields: {}, dropped: [] });
  });

  it("writes Sobot's documented example in Sobot's template order", () => {
    const encoded = encodeSessionFrom(sobotInput);
    expect(encoded.value).toBe(
      'sobot|小明|https://img.sobot.com/console/common/face/admin.png|{"name":"sobot","age":"18"}' +
        `|transfer_action=${SOBOT_TRANSFER_ACTION}|platform_action=${SOBOT_PLATFORM_ACTION}` +
        '|partnerid=xxx|robotid=1|unionid=oJw8S1S0ZheoM2PnKbka3zJO-QyE|customer_fields={"ddb35f065d4b44ec870f58b87c1a52db":"xx"}|',
    );
    expect(encoded.fields).toEqual(SOBOT_FULL_FIELDS);
    expect(encoded.bytes).toBe(utf8ByteLength(encoded.value));
    expect(SOBOT_PARAMS).toContain('"age":18'); // Sobot's number becomes the string "18"
  });

  it('writes only the fields given, keyed ones after the slots', () => {
    expect(encodeSessionFrom({ robotId: '7', partnerId: 'u-1' }).value).toBe('sobot||||partnerid=u-1|robotid=7|');
    expect(encodeSessionFrom({ platformAction: { customerCode: 'shop-9' } }).value).toBe(
      'sobot||||platform_action={"customerCode":"shop-9"}|',
    );
  });

  it('escapes | and % in plain slots and uses JSON escapes inside JSON slots', () => {
    const { value } = encodeSessionFrom({ nickname: 'a|b%c', params: { 'k|%': 'v|%' }, partnerId: '100%|x' });
    expect(value).toBe('sobot|a%7Cb%25c||{"k\\u007c\\u0025":"v\\u007c\\u0025"}|partnerid=100%25%7Cx|');
    expect(value.split('|')).toHaveLength(6);
  });

  it('encrypts a plain UnionID with the key, decryptable back', () => {
    const key = '1234567890abcdef';
    const { fields } = encodeSessionFrom({ plainUnionId: 'oJw8S1S0ZheoM2PnKbka3zJO-QyE', unionIdKey: key });
    expect(fields.unionId).toBe('wRHt8Ny7dngE4LiURys7EmuI/9lPnGmH7fRD9Cz9gic=');
    expect(decryptUnionId(fields.unionId as string, key)).toBe('oJw8S1S0ZheoM2PnKbka3zJO-QyE');
  });
});

describe('encodeSessionFrom: validation', () => {
  const level = (actionType: string, optionId: unknown, spillId?: unknown) => ({ actionType, deciId: 'g', optionId, spillId });
  it.each([
    ['input', 'not an object', /input: must be an object/],
    [{ nickname: 3 }, '', /nickname: must be a string, got number/],
    [{ transferAction: 'x' }, '', /transferAction: must be an array/],
    [
      { transferAction: [level('to_group', '1', '4'), level('to_group', '4')] },
      '',
      /transferAction\[0\]\.optionId: must be "3" \(overflow\) or "4" \(no overflow\) for to_group, got "1"/,
    ],
    [
      { transferAction: [level('to_service', '3', '1'), level('to_group', '4')] },
      '',
      /transferAction\[0\]\.optionId: must be "1" \(overflow\) or "2" \(no overflow\) for to_service, got "3"/,
    ],
    [
      { transferAction: [level('to_service', '1', '4'), level('to_group', '4')] },
      '',
      /transferAction\[0\]\.spillId: must be one of 1, 2, 3 for to_service, got "4"/,
    ],
    [
      { transferAction: [level('to_group', '3', '2'), level('to_group', '4')] },
      '',
      /transferAction\[0\]\.spillId: must be one of 4, 5, 6, 7 for to_group, got "2"/,
    ],
    [{ transferAction: [level('to_group', '3'), level('to_group', '4')] }, '', /transferAction\[0\]\.spillId: is required/],
    [{ transferAction: [level('to_group', '4', '5')] }, '', /transferAction\[0\]\.spillId: only applies when optionId is "3"/],
    [{ transferAction: [level('to_group', '3', '4')] }, '', /transferAction\[0\]\.optionId: the last level cannot overflow/],
    [{ transferAction: [1, 2, 3, 4, 5].map(() => level('to_group', '3', '4')) }, '', /transferAction: has 5 levels; at most 4/],
    [
      { transferAction: [level('to_agent', '1')] },
      '',
      /transferAction\[0\]\.actionType: must be "to_group" or "to_service", got "to_agent"/,
    ],
    [{ transferAction: [{ actionType: 'to_group', optionId: '4' }] }, '', /transferAction\[0\]\.deciId: is required/],
    [{ platformAction: { flowGroupId: 'g' } }, '', /platformAction\.customerCode: is required/],
    [{ platformAction: 'shop' }, '', /platformAction: must be an object/],
    [{ partnerId: 'x'.repeat(101) }, '', /partnerId: is 101 characters; at most 100/],
    [{ params: { a: { b: 1 } } }, '', /params\.a: must be a string, number or boolean, got object/],
    [{ customerFields: [] }, '', /customerFields: must be an object/],
    [{ unionId: 'abc', plainUnionId: 'o1', unionIdKey: '1234567890abcdef' }, '', /unionId: give either unionId/],
    [{ plainUnionId: 'o1' }, '', /unionIdKey: is required to encrypt plainUnionId/],
    [{ plainUnionId: 'o1', unionIdKey: 'short' }, '', /unionIdKey: the UnionID key must be 16, 24 or 32 UTF-8 bytes, got 5/],
  ])('rejects %j %s', (input, _, message) => {
    const error = errorOf(input);
    expect(error.code).toBe('invalid_field');
    expect(error.message).toMatch(message);
  });

  it('accepts exactly 100 characters of partnerId, counted as characters not bytes', () => {
    expect(encodeSessionFrom({ partnerId: '中'.repeat(100) }).fields.partnerId).toHaveLength(100);
  });

  it('accepts four levels with three overflows, numbers as ids', () => {
    const transferAction = [
      { actionType: 'to_service' as const, deciId: 12, optionId: 1, spillId: 3 },
      { actionType: 'to_group' as const, deciId: 'g1', optionId: '3', spillId: '5' },
      { actionType: 'to_group' as const, deciId: 'g2', optionId: '3', spillId: '7' },
      { actionType: 'to_service' as const, deciId: 'a9', optionId: '2' },
    ];
    expect(encodeSessionFrom({ transferAction }).fields.transferAction?.[0]).toEqual({
      actionType: 'to_service',
      deciId: '12',
      optionId: '1',
      spillId: '3',
    });
  });
});

describe('encodeSessionFrom: the 1000-byte budget', () => {
  const routing: SessionFromInput = {
    transferAction: [{ actionType: 'to_group', deciId: 'g1', optionId: '4' }],
    platformAction: { customerCode: 'shop' },
    partnerId: 'p1',
    robotId: '2',
    unionId: 'u'.repeat(44),
  };

  it('drops the avatar first', () => {
    const r = encodeSessionFrom({ ...routing, nickname: 'n', avatarUrl: `https://x/${'a'.repeat(990)}`, params: { k: 'v' } });
    expect(r.dropped).toEqual([{ field: 'avatarUrl', action: 'dropped' }]);
    expect(r.fields.params).toEqual({ k: 'v' });
    expect(r.bytes).toBeLessThanOrEqual(996);
  });

  it('then params entries (last first), then customer fields, then shortens the nickname', () => {
    const big = 'v'.repeat(300);
    const r = encodeSessionFrom({
      ...routing,
      nickname: '长'.repeat(300),
      avatarUrl: 'https://x/a.png',
      params: { p1: big, p2: big },
      customerFields: { c1: big, c2: big },
    });
    expect(r.dropped.slice(0, 5)).toEqual([
      { field: 'avatarUrl', action: 'dropped' },
      { field: 'params', key: 'p2', action: 'dropped' },
      { field: 'params', key: 'p1', action: 'dropped' },
      { field: 'customerFields', key: 'c2', action: 'dropped' },
      { field: 'customerFields', key: 'c1', action: 'dropped' },
    ]);
    const nickname = r.dropped[5];
    expect(nickname).toMatchObject({ field: 'nickname', action: 'shortened', fromChars: 300 });
    expect(r.dropped).toHaveLength(6);
    expect(r.bytes).toBeLessThanOrEqual(996);
    expect(r.bytes).toBeGreaterThan(993); // shortened no more than needed
    expect(r.fields).toMatchObject({
      transferAction: expect.any(Array),
      platformAction: { customerCode: 'shop' },
      partnerId: 'p1',
      robotId: '2',
    });
  });

  it('refuses when routing and identity alone do not fit', () => {
    const error = errorOf({ transferAction: [{ actionType: 'to_group', deciId: 'g'.repeat(1000), optionId: '4' }], nickname: 'n' });
    expect(error.code).toBe('too_long');
    expect(error.message).toMatch(/routing and identity fields alone take \d+ bytes; at most 996 fit \(WeChat cuts at 1000\)/);
  });

  it('does not change the caller input when it drops parts', () => {
    const params = { a: 'x'.repeat(2000) };
    encodeSessionFrom({ params });
    expect(params).toEqual({ a: 'x'.repeat(2000) });
  });
});
