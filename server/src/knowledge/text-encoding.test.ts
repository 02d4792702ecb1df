// Imported files in what Excel writes: UTF-8 with or without BOM, GBK/GB18030; anything else refused
// instead of stored as mojibake. Through the service, as the API and the CLI hand it the file's bytes.
import iconv from 'iconv-lite';
import { SqliteKnowledgeStore } from '../storage/sqlite-knowledge';
import { openDatabase } from '../storage/database';
import { ImportError } from './entry-codec';
import { knowledgeModule } from './knowledge-module';
import { checkImportText, decodeImportBytes } from './text-encoding';

const CSV = 'number,type,keywords,text\r\n1,text,发票|开发票,请在订单页申请电子发票。\r\n2,text,退货,７天无理由退货【包邮】\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

test('UTF-8 with and without BOM, and GBK/GB18030, decode to the same text', () => {
  expect(decodeImportBytes(utf8(CSV))).toEqual({ text: CSV, encoding: 'utf-8' });
  expect(decodeImportBytes(utf8(`\uFEFF${CSV}`))).toEqual({ text: CSV, encoding: 'utf-8' });
  expect(decodeImportBytes(iconv.encode(CSV, 'gbk'))).toEqual({ text: CSV, encoding: 'gb18030' });
  expect(decodeImportBytes(iconv.encode(`${CSV}3,text,𠮷,囧\r\n`, 'gb18030')).text).toContain('𠮷');
});

test('bytes that are neither UTF-8 nor GBK text are refused', () => {
  const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x80, 0x81]);
  expect(() => decodeImportBytes(binary)).toThrow(ImportError);
  expect(() => decodeImportBytes(Uint8Array.from([0x31, 0x2c, 0xff, 0xff, 0x0a]))).toThrow(/neither UTF-8 nor GBK/);
  expect(() => decodeImportBytes(Buffer.from('\uFEFFnumber', 'utf16le'))).toThrow(/UTF-16/);
  expect(() => checkImportText('1,text,\uFFFD\uFFFD')).toThrow(ImportError);
});

describe('importing a file’s bytes', () => {
  const service = () =>
    knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), { now: () => 1, newId: (p) => p, pollMs: 0 }).service;

  test.each([
    ['UTF-8', utf8(CSV)],
    ['UTF-8 with BOM', utf8(`\uFEFF${CSV}`)],
    ['GBK', iconv.encode(CSV, 'gbk')],
  ])('a CSV in %s', async (_name, bytes) => {
    const kb = service();
    expect(await kb.import({ channelId: 'ch' }, bytes, 'csv', false)).toBe(2);
    expect(kb.list({ channelId: 'ch' }).map((e) => [e.keywords, e.text])).toEqual([
      [['发票', '开发票'], '请在订单页申请电子发票。'],
      [['退货'], '７天无理由退货【包邮】'],
    ]);
  });

  test('undecodable bytes import nothing', async () => {
    const kb = service();
    const bytes = Uint8Array.from([...utf8('number,type,text\r\n1,text,'), 0xff, 0xfe, 0x00, 0x0d, 0x0a]);
    await expect(kb.import({ channelId: 'ch' }, bytes, 'csv', false)).rejects.toThrow(/neither UTF-8 nor GBK/);
    expect(kb.list({ channelId: 'ch' })).toEqual([]);
  });
});
