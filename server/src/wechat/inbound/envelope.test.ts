import { MalformedBodyError } from './errors';
import fc from 'fast-check';
import { encryptFieldOf, quoteJsonNumbers, readFlatXml, readJson, readXml } from './envelope';

describe('readXml', () => {
  it('keeps text as text: leading zeros, CDATA verbatim, whitespace kept', () => {
    const r = readXml('<xml><Content>0012</Content><A><![CDATA[ 1e3 &amp; <b> ]]></A><MsgId>23241477706429916</MsgId></xml>');
    expect(r.Content).toBe('0012');
    expect(r.A).toBe(' 1e3 &amp; <b> ');
    expect(r.MsgId).toBe('23241477706429916');
  });
  it('decodes the predefined entities in plain text only', () => {
    const r = readXml('<xml><T>a &lt; b &amp;&#x4F60;&#22909; &unknown;</T><C><![CDATA[&lt;]]></C></xml>');
    expect(r.T).toBe('a < b &你好 &unknown;');
    expect(r.C).toBe('&lt;');
  });
  it('joins text split by a CDATA end sequence', () => {
    expect(readXml('<xml><C><![CDATA[a]]]]><![CDATA[>b]]></C></xml>').C).toBe('a]]>b');
  });
  it('reads nested records and repeated elements, ignoring the declaration and layout whitespace', () => {
    const r = readXml('<?xml version="1.0"?>\n<xml>\n  <A><item><B>1</B></item><item><B>2</B></item></A>\n  <E></E>\n</xml>');
    expect(r.A).toEqual({ item: [{ B: '1' }, { B: '2' }] });
    expect(r.E).toBe('');
  });
  it.each([
    ['a DTD with an entity', '<!DOCTYPE x [<!ENTITY a "b">]><xml><a>&a;</a></xml>'],
    ['a lowercase doctype', '<!doctype x><xml/>'],
    ['an external entity', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml>&e;</xml>'],
    ['unclosed tags', '<xml><a>1</xml>'],
    ['another root', '<root><a>1</a></root>'],
    ['two roots', '<xml></xml><xml></xml>'],
    ['no XML at all', 'hello'],
    ['empty', ''],
    ['a prototype key', '<xml><__proto__>x</__proto__></xml>'],
  ])('refuses %s', (_n, body) => {
    expect(() => readXml(body)).toThrow(MalformedBodyError);
  });
});

describe('readJson', () => {
  it('keeps a MsgId above 2^53 digit for digit, and every number as its text', () => {
    const r = readJson('{"MsgId":23241477706429916,"CreateTime":1482048670,"X":-1.50,"E":1e400,"B":true,"N":null}');
    expect(r).toEqual({ MsgId: '23241477706429916', CreateTime: '1482048670', X: '-1.50', E: '1e400', B: 'true' });
  });
  it('leaves digits inside strings alone, including after escaped quotes', () => {
    expect(readJson('{"Content":"say \\"12\\" 0012","K":[1,{"a":2}]}')).toEqual({ Content: 'say "12" 0012', K: ['1', { a: '2' }] });
  });
  it('treats __proto__ as data', () => {
    const r = readJson('{"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r)).toEqual(['__proto__']);
  });
  it.each([
    ['not JSON', 'hello'],
    ['an array', '[1,2]'],
    ['a number', '12'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['a leading zero', '{"a":012}'],
    ['a lone minus', '{"a":-}'],
    ['an unterminated string ending in an escape before digits', '{"a":"\\1}'],
    ['trailing garbage', '{"a":1} x'],
    ['empty', ''],
  ])('refuses %s', (_n, body) => {
    expect(() => readJson(body)).toThrow(MalformedBodyError);
  });
});

describe('quoteJsonNumbers', () => {
  it('quotes exactly the number tokens', () => {
    expect(quoteJsonNumbers('{"a":[1,-2.5e3],"b":"3"}')).toBe('{"a":["1","-2.5e3"],"b":"3"}');
  });
});

describe('encryptFieldOf', () => {
  const enc = 'ab+/CD==';
  it.each([
    ['xml', `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`],
    ['xml', `<xml>\n<Encrypt><![CDATA[${enc}]]></Encrypt>\n<ToUserName><![CDATA[gh_1]]></ToUserName></xml>`],
    ['xml', `<xml><ToUserName>gh_1</ToUserName><MsgType>text</MsgType><Encrypt>${enc}</Encrypt></xml>`],
    ['json', `{"ToUserName":"gh_1","Encrypt":"${enc}"}`],
    ['json', `{ "Encrypt" : "${enc}", "ToUserName": "gh_1", "MsgId": 23241477706429916 }`],
  ] as const)('finds Encrypt in a %s envelope, fast path or not', (format, body) => {
    expect(encryptFieldOf(body, format)).toBe(enc);
  });
  it('falls back to the full parser, which refuses a broken envelope', () => {
    expect(() => encryptFieldOf(`<xml><ToUserName>gh_1</ToUserName><Encrypt>${enc}</xml>`, 'xml')).toThrow(MalformedBodyError);
  });
});

describe('the flat-XML fast path', () => {
  // The general parser's answer, reached by making the document ineligible for the fast path.
  const general = (body: string) => readXml(`${body}<!-- -->`.replace(/<\/xml>\s*<!-- -->$/, '<!-- --></xml>'));

  it('agrees with fast-xml-parser on every flat document it accepts', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const cdata = fc
      .string({ unit: fc.constantFrom('a', ']', '>', '<', '&', '中', ' ', '\n', '0', ']]') })
      .filter((t) => !t.includes(']]>'))
      .map((t) => `<![CDATA[${t}]]>`);
    const text = fc.string({ unit: fc.constantFrom('a', '0', ' ', '中', '\n', '>', '-') });
    const field = fc.tuple(name, fc.oneof(cdata, text)).map(([n, v]) => `<${n}>${v}</${n}>`);
    fc.assert(
      fc.property(fc.array(field, { maxLength: 12 }), fc.constantFrom('', ' ', '\n  '), (fields, ws) => {
        const body = `${ws}<xml>${fields.join(ws)}${ws}</xml>${ws}`;
        const fast = readFlatXml(body);
        expect(fast).toBeDefined();
        expect({ ...fast }).toEqual({ ...general(body) });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['split CDATA', '<xml><A><![CDATA[x]]><![CDATA[y]]></A></xml>'],
    ['mixed content', '<xml><A>t<![CDATA[x]]></A></xml>'],
    ['an entity', '<xml><A>a &amp; b</A></xml>'],
    ['a nested element', '<xml><A><B>1</B></A></xml>'],
    ['a declaration', '<?xml version="1.0"?><xml><A>1</A></xml>'],
    ['a DTD', '<!DOCTYPE xml [<!ENTITY e "x">]><xml><A>&e;</A></xml>'],
    ['a mismatched close', '<xml><A>1</B></xml>'],
    ['trailing content', '<xml><A>1</A></xml><xml></xml>'],
  ])('declines %s and leaves it to the general parser', (_name, body) => {
    expect(readFlatXml(body)).toBeUndefined();
  });

  it('keeps the general behaviour for what it declines', () => {
    expect({ ...readXml('<xml><A><![CDATA[x]]><![CDATA[y]]></A><B>a &amp; b</B></xml>') }).toEqual({ A: 'xy', B: 'a & b' });
    expect(() => readXml('<!DOCTYPE xml [<!ENTITY e "x">]><xml><A>&e;</A></xml>')).toThrow('DTD not allowed');
  });
});
