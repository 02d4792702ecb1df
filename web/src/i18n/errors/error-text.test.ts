// The console's error sentences: every code the server can answer has a Chinese and an English sentence
// (collected from the server's source, so a new code without one fails here), every field the API takes
// has a human name (collected from the API's OpenAPI document), and a refusal reads as a sentence
// naming the field, never as the server's English or a code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiFixture, type ApiFixture } from '../../../../server/src/http/api/testing/api-fixture';
import { LANGS } from '../define';
import { errorMessages } from './error-messages';
import { errorSentence, fieldName } from './error-text';
import { FIELD_NAMES } from './field-names';

const SERVER = join(__dirname, '../../../../server/src');
/** Where the answers of the API and the workbench come from (wechat/ answers WeChat, in text). */
const DIRS = ['app', 'http', 'contract', 'core', 'runtime', 'knowledge'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every literal error code in the server's source: thrown ApiErrors, conflicts, coded bad requests, code unions. */
function serverErrorCodes(): Set<string> {
  const patterns = [
    /new ApiError\(\s*\d+,\s*'([a-z_]+)'/g,
    /conflict\(\s*'([a-z_]+)'/g,
    /badRequest\([^;]*?,\s*'([a-z_]+)'\s*\)/g,
    /\bcode = '([a-z_]+)'/g,
    /\bcode: '([a-z_]+)'/g,
  ];
  const codes = new Set<string>();
  for (const file of DIRS.flatMap((d) => sourceFiles(join(SERVER, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1] as string);
    for (const union of text.matchAll(/type \w+(?:Error|Refusal)(?:Code|Reason)? = ([^;]+);/g))
      for (const m of (union[1] as string).matchAll(/'([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  return codes;
}

describe('every server error code has a sentence', () => {
  const codes = serverErrorCodes();

  it('finds the codes of every kind of refusal (the collector is not blind)', () => {
    for (const known of ['invalid_request', 'not_found', 'forbidden', 'unauthenticated', 'code_taken', 'csrf_failed'])
      expect(codes).toContain(known);
    for (const known of ['invalid_state', 'not_assignee', 'media_too_large', 'database_busy', 'internal_error', 'body_too_large'])
      expect(codes).toContain(known);
    expect(codes.size).toBeGreaterThan(30);
  });

  it.each(LANGS)('in %s', (lang) => {
    const missing = [...codes].filter((code) => !errorMessages[lang][code as keyof (typeof errorMessages)['zh']]);
    expect(missing).toEqual([]);
  });

  it('never shows the code itself (a code of two or more words: "unavailable" is a word)', () => {
    for (const lang of LANGS)
      for (const code of [...codes].filter((c) => c.includes('_'))) expect(errorSentence(lang, { status: 400, code })).not.toContain(code);
  });
});

describe('every field the API takes has a name', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApiFixture();
  });
  afterAll(() => f.close());

  type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };
  const fieldsOf = (s: Schema | undefined, out: Set<string>): Set<string> => {
    if (!s || typeof s !== 'object') return out;
    for (const [key, inner] of Object.entries(s.properties ?? {})) fieldsOf(inner, out.add(key));
    for (const inner of [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) fieldsOf(inner, out);
    return out;
  };

  it('in bodies, queries and paths', async () => {
    const doc = (await f.call('GET', '/api/v1/openapi.json', undefined)).json as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
    };
    const fields = new Set<string>();
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops)) {
        for (const p of op.parameters ?? []) fields.add(p.name);
        fieldsOf(op.requestBody?.content['application/json']?.schema, fields);
      }
    expect(fields.size).toBeGreaterThan(100);
    expect([...fields].filter((name) => !FIELD_NAMES[name]).sort()).toEqual([]);
  });

  it('says a refused field of the real API by its name and why, in Chinese', async () => {
    const cal = { name: 'Office', timeZone: 'Mars/Olympus', workdays: [1], workdaySegments: [{ start: 540, end: 1080 }] };
    const res = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, cal);
    const sentence = errorSentence('zh', { status: res.status, ...res.json.error });
    expect(sentence).toBe('时区无效：请填写 IANA 时区（如 Asia/Shanghai）或固定偏移（如 +08:00、UTC）。');
    expect(sentence).not.toContain('timeZone');
    expect(sentence).not.toContain(res.json.error.message);

    const long = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, {
      ...cal,
      timeZone: 'UTC',
      name: 'x'.repeat(101),
    });
    expect(errorSentence('zh', { status: 400, ...long.json.error })).toBe('名称最多 100 个字。');
    expect(errorSentence('en', { status: 400, ...long.json.error })).toBe('Name takes at most 100 characters.');
  });
});

describe('the wording', () => {
  it('names nested fields by their parts', () => {
    expect(fieldName('zh', 'workdaySegments.0.end')).toBe('工作日时段的第 1 项的结束时间');
    expect(fieldName('en', 'workdaySegments.0.end')).toBe('workday hours: item 1: end');
    expect(fieldName('zh', 'somethingNew')).toBeUndefined();
  });

  it('a story’s own refusal of a field names it', () => {
    expect(errorSentence('zh', { status: 400, code: 'invalid_request', field: 'merchantId', reason: 'invalid' })).toBe(
      '商户填写有误，请检查。',
    );
  });

  it('an empty required text asks for it', () => {
    const facts = { status: 400, code: 'invalid_request', field: 'name', reason: 'too_small', params: { minimum: 1, origin: 'string' } };
    expect(errorSentence('zh', facts)).toBe('请填写名称。');
  });

  it('a field without a name, an unknown code, a server failure: a generic sentence, never the code', () => {
    expect(errorSentence('zh', { status: 400, code: 'invalid_request', field: 'somethingNew', reason: 'custom' })).toBe(
      '有一项填写有误，请检查后重试。',
    );
    expect(errorSentence('zh', { status: 409, code: 'brand_new_code' })).toBe('操作没有成功，请稍后重试。');
    expect(errorSentence('en', { status: 502, code: 'brand_new_code' })).toBe('Something went wrong on the server: try again later.');
    expect(errorSentence('zh', { status: 404, code: 'http_404' })).toBe('找不到要找的内容（可能已被删除）。');
  });
});
