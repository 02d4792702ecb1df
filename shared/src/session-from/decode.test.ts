import { decodeSessionFrom } from './decode';
import { SOBOT_FULL_FIELDS, SOBOT_FULL_TEMPLATE, SOBOT_PARAMS } from './sobot.vectors';

function fieldsOf(text: string) {
  const decoded = decodeSessionFrom(text);
  if (decoded.kind !== 'sobot') throw new Error(`expected sobot, got ${decoded.reason}`);
  return decoded;
}

describe('decodeSessionFrom: no context', () => {
  it.each([
    ['wxapp', 'foreign'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['sobotx|a', 'foreign'],
    ['SOBOT|a', 'foreign'],
    ['{"a":1}', 'foreign'],
    ['\u0000\uFFFD|||', 'foreign'],
  ])('%p is %s', (text, reason) => {
    expect(decodeSessionFrom(text)).toEqual({ kind: 'none', reason, raw: text });
  });

  it.each([undefined, null, 42, {}, ['sobot|||']])('a non-string (%p) is empty', (value) => {
    expect(decodeSessionFrom(value)).toMatchObject({ kind: 'none', reason: 'empty' });
  });
});

describe("decodeSessionFrom: Sobot's template", () => {
  it('reads the documented full example', () => {
    expect(fieldsOf(SOBOT_FULL_TEMPLATE)).toEqual({
      kind: 'sobot',
      fields: SOBOT_FULL_FIELDS,
      truncated: false,
      lost: [],
      problems: [],
      raw: SOBOT_FULL_TEMPLATE,
    });
  });

  it('reads the minimal forms', () => {
    expect(fieldsOf('sobot||||').fields).toEqual({});
    expect(fieldsOf('sobot|||').fields).toEqual({});
    expect(fieldsOf('sobot').fields).toEqual({});
    expect(fieldsOf(`sobot|nick|https://a/b.png|${SOBOT_PARAMS}`).fields).toEqual({
      nickname: 'nick',
      avatarUrl: 'https://a/b.png',
      params: { name: 'sobot', age: '18' },
    });
  });

  it('takes keyed fields in any order', () => {
    expect(fieldsOf('sobot||||robotid=3|partnerid=p|platform_action={"customerCode":"m1"}').fields).toEqual({
      robotId: '3',
      partnerId: 'p',
      platformAction: { customerCode: 'm1' },
    });
  });

  it('keeps a raw | inside JSON when the bracket closes before a bar', () => {
    const text = 'sobot|n||{"note":"a|b","x":"}"}|customer_fields={"f":"c|d"}|robotid=1';
    expect(fieldsOf(text).fields).toEqual({ nickname: 'n', params: { note: 'a|b', x: '}' }, customerFields: { f: 'c|d' }, robotId: '1' });
  });

  it('keeps unknown keys verbatim in extra', () => {
    expect(fieldsOf('sobot||||source=banner%7C2|robotid=1|').fields).toEqual({ extra: { source: 'banner|2' }, robotId: '1' });
  });

  it('reports fields it cannot use and keeps the rest', () => {
    const decoded = fieldsOf(
      'sobot|n||not json|transfer_action=[{"actionType":"to_group","deciId":"g","optionId":"3"}]|platform_action={}|partnerid=' +
        'p'.repeat(101) +
        '|robotid=1|robotid=2|junk',
    );
    // The odd transfer level is kept without its overflow (a customer's routing is read leniently).
    expect(decoded.fields).toEqual({
      nickname: 'n',
      robotId: '1',
      transferAction: [{ actionType: 'to_group', deciId: 'g', optionId: '4' }],
    });
    expect(decoded.problems).toEqual([
      { field: 'params', reason: 'not valid JSON' },
      { field: 'transferAction[0]', reason: 'overflows without a spillId; kept without overflow' },
      { field: 'platformAction', reason: 'platformAction.customerCode: is required' },
      { field: 'partnerId', reason: 'partnerId: is 101 characters; at most 100 are allowed' },
      { field: 'robotId', reason: 'given twice; the first is kept' },
      { field: 'segment', reason: '"junk" has no key=' },
    ]);
  });

  it('ignores a spillId on a level that does not overflow, as Sobot does', () => {
    const text = 'sobot||||transfer_action=[{"actionType":"to_service","deciId":"a1","optionId":"2","spillId":"1"}]';
    expect(fieldsOf(text).fields.transferAction).toEqual([{ actionType: 'to_service', deciId: 'a1', optionId: '2' }]);
  });

  it('unescapes only our own escapes in plain slots', () => {
    expect(fieldsOf('sobot|a%7Cb%25c|https://x/%E4%B8%AD.png|').fields).toEqual({
      nickname: 'a|b%c',
      avatarUrl: 'https://x/%E4%B8%AD.png',
    });
  });
});

describe('decodeSessionFrom: values cut at 1000 bytes', () => {
  const cut = (text: string) => Buffer.from(text, 'utf8').subarray(0, 1000).toString('utf8');

  it('keeps what is intact and flags the cut field', () => {
    const full = `sobot|n||{"k":"v"}|robotid=5|partnerid=${'p'.repeat(100)}|customer_fields={"f":"${'x'.repeat(900)}"}`;
    const decoded = fieldsOf(cut(full));
    expect(decoded.truncated).toBe(true);
    expect(decoded.lost).toEqual(['customer_fields']);
    expect(decoded.fields).toEqual({ nickname: 'n', params: { k: 'v' }, robotId: '5', partnerId: 'p'.repeat(100) });
  });

  it('drops a plain field cut mid-value, and one cut mid-character (U+FFFD)', () => {
    const plain = fieldsOf(cut(`sobot|n|||unionid=${'u'.repeat(1200)}`));
    expect(plain).toMatchObject({ truncated: true, lost: ['unionid'], fields: { nickname: 'n' } });
    const mid = cut(`sobot|${'中'.repeat(400)}`); // the 1000-byte cut splits a character
    expect(mid.endsWith('\uFFFD')).toBe(true);
    expect(fieldsOf(mid)).toMatchObject({ truncated: true, lost: ['nickname'], fields: {} });
  });

  it('a value at the limit is flagged even when the cut fell right after a bar, its fields intact', () => {
    const text = `sobot|${'n'.repeat(993)}|`;
    expect(Buffer.byteLength(text)).toBe(1000);
    expect(fieldsOf(text)).toMatchObject({ truncated: true, lost: [], fields: { nickname: 'n'.repeat(993) } });
  });

  it('a value just below the limit, as our encoder writes at most, is not flagged', () => {
    const text = `sobot|${'n'.repeat(989)}|`;
    expect(Buffer.byteLength(text)).toBe(996);
    expect(fieldsOf(text)).toMatchObject({ truncated: false, lost: [] });
  });
});
