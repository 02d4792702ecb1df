// The delete checks' counts seek their indexes (migrations/21-archive.ts) instead of scanning every
// message or conversation: a channel with millions of messages answers "what refers to this agent" at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './database';
import { AGENT_OF_MESSAGE, GROUP_OF_CONVERSATION } from './migrations/21-archive';

let dir: string;
let db: Database;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-references-'));
  db = openDatabase(join(dir, 'kefu.db'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string) =>
  db
    .prepare<string[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all('x')
    .map((r) => r.detail)
    .join(' / ');

it('counts messages by agent and conversations by group through their indexes', () => {
  expect(plan(`SELECT COUNT(*) FROM messages WHERE ${AGENT_OF_MESSAGE} = ?`)).toBe(
    'SEARCH messages USING COVERING INDEX messages_by_agent (<expr>=?)',
  );
  expect(plan(`SELECT COUNT(*) FROM conversations WHERE ${GROUP_OF_CONVERSATION} = ?`)).toMatch(
    /^SEARCH conversations USING (COVERING )?INDEX conversations_by_group \(<expr>=\?\)$/,
  );
  expect(plan('SELECT COUNT(*) FROM conversations WHERE agent_id = ?')).toMatch(/USING (COVERING )?INDEX conversations_by_agent/);
});
