// Step 10 adds each knowledge base's own synonyms: a database written before it keeps its entries, and
// saving synonyms bumps the revision (so a server on the same file notices the CLI's change).
import BetterSqlite3 from 'better-sqlite3';
import { SqliteKnowledgeStore } from '../sqlite-knowledge';
import { migrations, runMigrations } from './runner';

it('upgrades a database at step 9 and counts synonym changes in the revision', async () => {
  const db = new BetterSqlite3(':memory:');
  runMigrations(db, migrations.slice(0, 9));
  db.prepare('INSERT INTO knowledge_entries VALUES (?, ?, ?, ?, ?)').run('ch1', '', 1, '{"type":"text","keywords":[],"text":"a"}', 1);
  runMigrations(db, migrations.slice(0, 10));
  const store = new SqliteKnowledgeStore(db);
  expect(await store.all()).toMatchObject([{ channelId: 'ch1', number: 1, similarQuestions: [] }]);
  const before = await store.revision();
  await store.saveSynonyms({ channelId: 'ch1', merchantId: 'm1' }, [['顺丰', 'SF']]);
  await store.saveSynonyms({ channelId: 'ch1', merchantId: 'm1' }, [['顺丰', 'SF', '快递']]);
  expect(await store.synonyms()).toEqual([{ channelId: 'ch1', merchantId: 'm1', groups: [['顺丰', 'SF', '快递']] }]);
  await store.saveSynonyms({ channelId: 'ch1', merchantId: 'm1' }, []);
  expect(await store.revision()).toBe(before + 3);
  db.close();
});
