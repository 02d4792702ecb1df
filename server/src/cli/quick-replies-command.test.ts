// `kefu quick-replies …` in-process on a real SQLite file: add, list, export, import a GBK file back,
// remove; a bad file or an unknown merchant is a usage error (exit 2 in main.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { adminFixture } from '../app/testing/admin-fixture';
import { openDatabase } from '../storage/database';
import { SqliteQuickReplyStore } from '../storage/sqlite-quick-replies';
import { UsageError, type CliContext } from './cli-context';
import { runCli } from './run-cli';

it('manages a team’s quick replies from the command line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-qr-'));
  const lines: string[] = [];
  const f = await adminFixture();
  const ctx: CliContext = {
    admin: f.admin,
    env: {},
    print: (l) => lines.push(l),
    quickReplies: new SqliteQuickReplyStore(openDatabase(join(dir, 'kefu.db'))),
  };
  const rt = { print: ctx.print, withStores: (work: (c: CliContext) => Promise<number>) => work(ctx), send: async () => 2 };
  const run = (...argv: string[]) => runCli(['quick-replies', ...argv], rt);
  expect(await run('add', '--channel', 'ch1', '--merchant', 'm1', '--title', '问候', '--text', '您好 [name]{br}请讲')).toBe(0);
  const file = join(dir, 'q.csv');
  expect(await run('export', '--channel', 'ch1', '--merchant', 'm1', '--file', file)).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(
    '\uFEFFtitle,text,picture,cardTitle,cardPagePath,cardThumbMedia,cardAppId\r\n问候,您好 [name]{br}请讲,,,,,\r\n',
  );
  writeFileSync(file, iconv.encode('title,text\r\n问候,新的问候\r\n退货,七天\r\n', 'gbk'));
  expect(await run('import', '--channel', 'ch1', '--merchant', 'm1', '--file', file)).toBe(0);
  expect(lines.at(-1)).toBe('added 1, replaced 1');
  expect(await run('list', '--channel', 'ch1', '--merchant', 'm1')).toBe(0);
  expect(lines.slice(-2).map((l) => l.split('\t').slice(1, 3))).toEqual([
    ['退货', '七天'], // pinyin order: tui before wen
    ['问候', '新的问候'],
  ]);
  const id = lines.at(-2)?.split('\t')[0] as string;
  expect(await run('remove', '--id', id)).toBe(0);
  writeFileSync(file, 'title,text,colour\r\n问候,x,red\r\n');
  await expect(run('import', '--channel', 'ch1', '--merchant', 'm1', '--file', file)).rejects.toThrow(
    new UsageError('unknown columns: colour'),
  );
  writeFileSync(file, 'title,text\r\n,空\r\n');
  await expect(run('import', '--channel', 'ch1', '--merchant', 'm1', '--file', file)).rejects.toThrow(UsageError);
  await expect(run('list', '--channel', 'ch1', '--merchant', 'nobody')).rejects.toThrow('merchantId: no merchant nobody');
});
