// `kefu knowledge …` in-process: add, disable, export and re-import a file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeModule } from '../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../storage/sqlite-knowledge';
import { openDatabase } from '../storage/database';
import type { CliContext } from './cli-context';
import { runCli } from './run-cli';
import { InMemoryAuditLog } from '../storage/testing/in-memory-audit-log';

it('adds, disables, exports and imports entries', async () => {
  const lines: string[] = [];
  const kb = knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), { now: () => 1, newId: (p) => p, pollMs: 0 }).service;
  // The operator's changes and exports go to the audit log like the API's.
  const audit = new InMemoryAuditLog();
  let n = 0;
  const admin = { clock: { now: () => 1 }, ids: { next: (k: string) => `${k}_${++n}` }, audit };
  const ctx = { print: (l: string) => lines.push(l), knowledge: kb, admin } as unknown as CliContext;
  const rt = { print: ctx.print, withStores: (work: (c: CliContext) => Promise<number>) => work(ctx), send: async () => 2 };
  expect(
    await runCli(
      ['knowledge', 'add', '--channel', 'ch1', '--json', '{"number":1,"type":"text","keywords":["菜单"],"text":"您好{br}1.菜单"}'],
      rt,
    ),
  ).toBe(0);
  expect(
    await runCli(
      [
        'knowledge',
        'add',
        '--channel',
        'ch1',
        '--json',
        '{"number":2,"type":"text","text":"一年"}',
        '--similar',
        '坏了能修吗',
        '--similar',
        '保修多久',
      ],
      rt,
    ),
  ).toBe(0);
  expect(kb.get({ channelId: 'ch1' }, 2).similarQuestions).toEqual(['坏了能修吗', '保修多久']);
  expect(await runCli(['knowledge', 'disable', '--channel', 'ch1', '--number', '1'], rt)).toBe(0);
  const file = join(mkdtempSync(join(tmpdir(), 'kb-')), 'kb.csv');
  expect(await runCli(['knowledge', 'export', '--channel', 'ch1', '--file', file], rt)).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('1,text,菜单,您好{br}1.菜单,,,,,,,,,false,,false,false');
  expect(await runCli(['knowledge', 'import', '--channel', 'ch2', '--file', file], rt)).toBe(0);
  expect(kb.list({ channelId: 'ch2' })).toMatchObject([
    { number: 1, enabled: false },
    { number: 2, similarQuestions: ['坏了能修吗', '保修多久'] },
  ]);
  expect(await runCli(['knowledge', 'list', '--channel', 'ch2'], rt)).toBe(0);
  expect(lines.at(-2)).toMatch(/^1\ttext\tfalse\t菜单/);
  expect(lines.at(-1)).toBe('2\ttext\ttrue\t\t一年\t2');
  const actions = (await audit.list({ limit: 10 })).map((e) => `${e.action} ${e.channelId} ${e.actor.name}`).reverse();
  expect(actions).toEqual([
    'knowledge_entry.import ch1 command line',
    'knowledge_entry.import ch1 command line',
    'knowledge_entry.change ch1 command line',
    'export.take ch1 command line',
    'knowledge_entry.import ch2 command line',
  ]);
});

it('imports, prints and exports a knowledge base’s synonyms', async () => {
  const lines: string[] = [];
  const kb = knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), { now: () => 1, newId: (p) => p, pollMs: 0 }).service;
  const ctx = { print: (l: string) => lines.push(l), knowledge: kb, admin: {} } as unknown as CliContext;
  const rt = { print: ctx.print, withStores: (work: (c: CliContext) => Promise<number>) => work(ctx), send: async () => 2 };
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  writeFileSync(join(dir, 'in.csv'), '顺丰,SF,快递\n发票,invoice\n');
  const m1 = ['--channel', 'ch1', '--merchant', 'm1'];
  expect(await runCli(['knowledge', 'synonyms', ...m1, '--import', join(dir, 'in.csv')], rt)).toBe(0);
  expect(lines.at(-1)).toBe('imported 2 groups');
  expect(await runCli(['knowledge', 'synonyms', ...m1], rt)).toBe(0);
  expect(lines.slice(-2)).toEqual(['顺丰, SF, 快递', '发票, invoice']);
  expect(await runCli(['knowledge', 'synonyms', ...m1, '--export', join(dir, 'out.csv')], rt)).toBe(0);
  expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('\uFEFF顺丰,SF,快递\r\n发票,invoice\r\n');
  expect(kb.synonyms({ channelId: 'ch1' })).toEqual([]);
});

it('refuses a link without a description, as WeChat would, and keeps nothing', async () => {
  const lines: string[] = [];
  const kb = knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), {
    now: () => 1,
    newId: (p) => p,
    pollMs: 0,
    channelKind: async () => 'miniprogram',
  }).service;
  const ctx = { print: (l: string) => lines.push(l), knowledge: kb, admin: {} } as unknown as CliContext;
  const rt = { print: ctx.print, withStores: (work: (c: CliContext) => Promise<number>) => work(ctx), send: async () => 2 };
  const link = { number: 5, type: 'link', title: '官网', url: 'https://shop.test/', media: 'https://shop.test/p.jpg' };
  const add = (entry: object) => runCli(['knowledge', 'add', '--channel', 'ch1', '--json', JSON.stringify(entry)], rt);
  // The refusal reaches the CLI's entry point, which prints it and exits non-zero.
  await expect(add(link)).rejects.toThrow('entry 1: a link entry needs a description (WeChat refuses a link without one)');
  expect(kb.list({ channelId: 'ch1' })).toEqual([]);
  expect(await add({ ...link, description: '新品上架' })).toBe(0);
});
